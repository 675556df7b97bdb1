using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// Every chart is readable without JavaScript and shown once. GitHub's notebook view and other static viewers run no
/// scripts, so each Plotly chart output must carry a static picture (<c>image/png</c> or <c>image/svg+xml</c>) in the
/// same output as its interactive <c>text/html</c>; VS Code and Jupyter then show the interactive form, static viewers
/// the picture. A markdown copy of the same chart from assets/ would show it twice.
/// <para>These tests fail on notebooks executed before the chart formatter of lib/DeepFm.Notebook.Hosting existed
/// (plain Plotly HTML only); they pass once the notebooks are regenerated with it.</para>
/// </summary>
public sealed partial class CommittedChartOutputTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(CommittedNotebooks))]
    public void EveryChartOutputCarriesAStaticPicture(string notebook)
    {
        foreach (var (cell, index) in Cells(notebook))
        {
            foreach (var data in Outputs(cell).Select(MimeBundle).Where(IsChart))
            {
                bool hasPng = data!["image/png"] is { } png && IsPng(Text(png));
                bool hasSvg = data["image/svg+xml"] is { } svg && Text(svg).Contains("<svg", StringComparison.Ordinal);
                Assert.True(hasPng || hasSvg,
                    $"{notebook}: the chart in code cell {index} has only {string.Join(", ", data.Select(pair => pair.Key))}; "
                    + "a reader without JavaScript sees nothing. Regenerate the notebook with the chart formatter.");
                // GitHub prefers text/html to image/png when an output has both: the picture must be inside the HTML.
                Assert.True(PictureInHtml().IsMatch(Text(data["text/html"]!)),
                    $"{notebook}: the chart in code cell {index} has no picture inside its text/html, which GitHub shows "
                    + "(blank without JavaScript). Run the notebook with Chromium (sudo apt-get install chromium).");
            }
        }
    }

    [Fact]
    public void TheNotebooksDrawCharts()
    {
        // Guards the test above against passing vacuously, e.g. if charts stopped being recognised.
        int charts = Names().Sum(notebook => Cells(notebook).SelectMany(pair => Outputs(pair.Cell)).Select(MimeBundle).Count(IsChart));
        Assert.True(charts >= 5, $"expected the charts of notebooks 01, 02 and 04 at least, found {charts} chart outputs");
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(CommittedNotebooks))]
    public void NoMarkdownCellRepeatsAChartThatACodeCellDraws(string notebook)
    {
        // The original tutorial's plots (assets/original/) are not ours: showing them beside ours is the point. The
        // hand-drawn diagrams (assets/diagrams/) are not charts.
        foreach (var (cell, index) in Cells(notebook).Where(pair => IsMarkdown(pair.Cell)))
        {
            var copy = OwnAssetImage().Match(Source(cell));
            Assert.False(copy.Success,
                $"{notebook}: markdown cell {index} shows {copy.Value}, which a code cell already draws; "
                + "the chart output's own static picture replaces it.");
        }
    }

    // A chart's interactive form draws with plotly.js; a mere mention of Plotly (the package list) is not a chart.
    private static bool IsChart(JsonObject? data) =>
        data?["text/html"] is { } html && PlotlyDrawCall().IsMatch(Text(html));

    private static bool IsPng(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64.Trim()).AsSpan().StartsWith(PngSignature);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"<img src=""data:image/(png|svg\+xml);base64,[A-Za-z0-9+/=]{100,}""")]
    private static partial Regex PictureInHtml();

    [GeneratedRegex(@"Plotly\.(newPlot|react)\(")]
    private static partial Regex PlotlyDrawCall();

    // A markdown image whose target is one of our charts in assets/ (not assets/original/, the original's plots, nor
    // assets/diagrams/, pictures drawn by hand that no code cell draws).
    [GeneratedRegex(@"!\[[^\]]*\]\((\.\./)?assets/(?!original/|diagrams/)[^)]+\.(png|svg)\)")]
    private static partial Regex OwnAssetImage();
}
