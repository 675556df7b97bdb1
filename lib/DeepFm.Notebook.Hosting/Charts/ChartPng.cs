using Giraffe.ViewEngine;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Plotly.NET;
using CS = Plotly.NET.CSharp;
using XmlNode = Giraffe.ViewEngine.HtmlElements.XmlNode;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Renders a Plotly.NET chart as a PNG with a local headless Chromium (<see cref="HeadlessChromium"/>), and as HTML
/// that carries plotly.js itself (no CDN). Both the saved assets and the notebooks' static pictures come from here,
/// so a chart looks the same in a file, on GitHub and in an exported notebook.
/// </summary>
public static class ChartPng
{
    /// <summary>How long one rendering may take before the browser is stopped.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The chart as one HTML document that carries plotly.js inline (about 3.6 MB).</summary>
    public static string ToSelfContainedHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // The element id derived from the chart, not Plotly.NET's random one: a re-run rewrites the same file.
        return ChartElementIds.FromContent(GenericChart.toEmbeddedHTML(WithInlinePlotlyJs(chart, headTags: [])));
    }

    /// <summary>The chart's own width and height when its layout sets them, else 800 × 500 (notebooks and scripts alike).</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        return (Pixels(layout, "width") ?? 800, Pixels(layout, "height") ?? 500);
    }

    private static int? Pixels(Layout layout, string property) =>
        layout.TryGetPropertyValue(property) is { } value && value.Value is IConvertible number
            ? Convert.ToInt32(number, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// The chart as PNG bytes of exactly <paramref name="width"/> × <paramref name="height"/> pixels, or null when
    /// no browser is found in the usual places (after printing <see cref="PngExportNotice"/> once).
    /// Takes a few seconds: most of it is starting the browser.
    /// </summary>
    /// <exception cref="FileNotFoundException"><paramref name="chromiumPath"/> or DEEPFM_CHROMIUM names a missing file.</exception>
    /// <exception cref="TimeoutException">The browser did not finish within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The browser wrote no picture, or one of another size.</exception>
    public static byte[]? TryRender(GenericChart chart, int width, int height, string? chromiumPath = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var browser = ChromiumLocator.TryFind(chromiumPath);
        if (browser is null)
        {
            PngExportNotice.Announce();
            return null;
        }

        var workDirectory = Directory.CreateTempSubdirectory("deepfm-chart-");
        try
        {
            var htmlPath = Path.Combine(workDirectory.FullName, "chart.html");
            var renderedPath = Path.Combine(workDirectory.FullName, "chart.png");
            File.WriteAllText(htmlPath, GenericChart.toEmbeddedHTML(ForScreenshot(chart, width, height)));
            HeadlessChromium.Screenshot(browser, htmlPath, renderedPath, width, height, timeout ?? DefaultTimeout);

            var (renderedWidth, renderedHeight) = PngSize.Read(renderedPath);
            if (renderedWidth != width || renderedHeight != height)
                throw new InvalidOperationException(
                    $"Chromium ('{browser}') wrote a {renderedWidth}×{renderedHeight} PNG where {width}×{height} was " +
                    "asked for; a browser policy may force a device scale factor.");
            return File.ReadAllBytes(renderedPath);
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

    /// <summary>
    /// Replaces the chart's display options so that its HTML embeds plotly.js instead of linking a CDN, and declares
    /// UTF-8: without the declaration a browser reads a file as Windows-1252 and a title's "±" becomes "Â±".
    /// </summary>
    private static GenericChart WithInlinePlotlyJs(GenericChart chart, IEnumerable<XmlNode> headTags)
    {
        var options = DisplayOptions.init(
            DocumentTitle: null, DocumentCharset: FSharpOption<string>.Some("UTF-8"), DocumentDescription: null, DocumentFavicon: null,
            AdditionalHeadTags: FSharpOption<FSharpList<XmlNode>>.Some(ListModule.OfSeq(headTags)),
            ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        return GenericChart.setDisplayOptions(options, chart);
    }
}
