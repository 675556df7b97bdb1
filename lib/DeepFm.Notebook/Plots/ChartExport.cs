using Giraffe.ViewEngine;
using XmlNode = Giraffe.ViewEngine.HtmlElements.XmlNode;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// Saves charts as files that open without a network: HTML with plotly.js embedded inline (about 3.6 MB per file,
/// instead of Plotly.NET's default script tag pointing at a CDN) and PNG rendered by a local headless Chromium
/// (see <see cref="ChromiumLocator"/>). Every file is written to a temporary name first and then moved into place,
/// so an interrupted export never leaves a half-written chart behind.
/// </summary>
public static class ChartExport
{
    /// <summary>How long a PNG export may take before the browser is stopped.</summary>
    public static readonly TimeSpan DefaultPngTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The chart as one HTML document that carries plotly.js itself.</summary>
    public static string ToSelfContainedHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toEmbeddedHTML(WithInlinePlotlyJs(chart, headTags: []));
    }

    /// <summary>Writes <see cref="ToSelfContainedHtml"/> to <paramref name="path"/>; returns the full path.</summary>
    public static string SaveHtml(GenericChart chart, string path)
    {
        var html = ToSelfContainedHtml(chart);
        return WriteAtomically(path, temporaryPath => File.WriteAllText(temporaryPath, html));
    }

    /// <summary>
    /// Renders the chart to a <paramref name="width"/> × <paramref name="height"/> PNG at <paramref name="path"/>
    /// with a local Chromium (<paramref name="chromiumPath"/>, else found by <see cref="ChromiumLocator"/>);
    /// returns the full path. Takes a few seconds: most of it is starting the browser.
    /// </summary>
    /// <exception cref="FileNotFoundException">No browser found; the message says what to install.</exception>
    public static string SavePng(
        GenericChart chart, string path, int width = 800, int height = 500, string? chromiumPath = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var browser = ChromiumLocator.Find(chromiumPath);

        var workDirectory = Directory.CreateTempSubdirectory("deepfm-chart-");
        try
        {
            var htmlPath = Path.Combine(workDirectory.FullName, "chart.html");
            var renderedPath = Path.Combine(workDirectory.FullName, "chart.png");
            File.WriteAllText(htmlPath, GenericChart.toEmbeddedHTML(ForScreenshot(chart, width, height)));
            HeadlessChromium.Screenshot(browser, htmlPath, renderedPath, width, height, timeout ?? DefaultPngTimeout);

            var (renderedWidth, renderedHeight) = PngSize.Read(renderedPath);
            if (renderedWidth != width || renderedHeight != height)
                throw new InvalidOperationException(
                    $"Chromium ('{browser}') wrote a {renderedWidth}×{renderedHeight} PNG where {width}×{height} was " +
                    "asked for; a browser policy may force a device scale factor.");
            return WriteAtomically(path, temporaryPath => File.Copy(renderedPath, temporaryPath));
        }
        finally
        {
            // Cleanup must not hide the error that brought us here; a leftover temp folder is harmless.
            try { workDirectory.Delete(recursive: true); }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The chart as the screenshot should see it: exactly the window's size, no page margin, no mode bar or
    /// hover machinery (a static plot), and not responsive (it must not resize itself to the window).
    /// </summary>
    private static GenericChart ForScreenshot(GenericChart chart, int width, int height)
    {
        var sized = CS.GenericChartExtensions.WithSize(chart, width, height);
        var config = new Config();
        config.SetProperty("staticPlot", true);
        config.SetProperty("displayModeBar", false);
        config.SetProperty("responsive", false);
        var pageStyle = HtmlElements.rawText("<style>html, body { margin: 0; padding: 0; overflow: hidden; }</style>");
        return WithInlinePlotlyJs(GenericChart.setConfig(config, sized), headTags: [pageStyle]);
    }

    /// <summary>Replaces the chart's display options so that its HTML embeds plotly.js instead of linking a CDN.</summary>
    private static GenericChart WithInlinePlotlyJs(GenericChart chart, IEnumerable<XmlNode> headTags)
    {
        var options = DisplayOptions.init(
            DocumentTitle: null, DocumentCharset: null, DocumentDescription: null, DocumentFavicon: null,
            AdditionalHeadTags: FSharpOption<FSharpList<XmlNode>>.Some(ListModule.OfSeq(headTags)),
            ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        return GenericChart.setDisplayOptions(options, chart);
    }

    /// <summary>Writes through a temporary file in the target folder, then renames it onto the final path.</summary>
    private static string WriteAtomically(string path, Action<string> writeTemporaryFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        // Same folder, hence same file system: the final move is a rename, which readers see all at once.
        var temporaryPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporaryFile(temporaryPath);
            File.Move(temporaryPath, fullPath, overwrite: true);
            return fullPath;
        }
        finally
        {
            if (File.Exists(temporaryPath))
                File.Delete(temporaryPath);
        }
    }
}
