using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Registers how the notebooks display charts and DataFrames, so the committed outputs read well where nothing runs.
/// </summary>
/// <remarks>
/// <para><b>Charts.</b> A <see cref="GenericChart"/> is displayed as ONE output holding two MIME types: <c>text/html</c>
/// (the interactive plotly.js chart, with a static picture inside that the chart's script removes before drawing:
/// <see cref="ChartWithPicture"/>) and <c>image/png</c> (the same picture, rendered by the headless Chromium that
/// renders the assets: <see cref="ChartPng"/>). Front ends pick one: VS Code, Jupyter and nbconvert's HTML export
/// pick <c>text/html</c>; a viewer that strips HTML outputs falls back to <c>image/png</c>. Without a browser the
/// output is the interactive chart alone and the run prints <see cref="PngExportNotice"/> once.</para>
/// <para><b>Tables.</b> A <see cref="DataFrame"/> is a plain HTML table (<see cref="DataFrameHtml"/>), replacing the
/// default one whose rows a script pages in (a static viewer shows a header and dead buttons).</para>
/// Formatters registered later win over earlier ones, so these replace those of Plotly.NET.Interactive and of
/// Microsoft.Data.Analysis, which the packages register when the set-up cell loads them.
/// </remarks>
public static class NotebookDisplay
{
    private const string Html = "text/html";
    private const string Png = "image/png";

    // One rendering per chart object, although its formatter runs once for each of the two MIME types.
    private static readonly ConditionalWeakTable<GenericChart, RenderedPicture> Pictures = new();

    /// <summary>Registers the formatters. Call after the FSharp.Core redirect is installed (it mentions Plotly.NET).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml(chart)), Html);
        // Decided once, here: a formatter cannot withdraw its MIME type per value, and an empty image/png would
        // still be saved. Without a browser the set-up cell says so, once (a DEEPFM_CHROMIUM naming a missing
        // file stops the set-up with an error that names the variable).
        if (ChromiumLocator.TryFind() is null)
        {
            PngExportNotice.Announce();
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), Html);
        }
        else
        {
            // Jupyter's image/png is the base64 text of the file.
            Formatter.Register<GenericChart>((chart, writer) =>
            {
                if (PictureOf(chart).Png is { } png)
                    writer.Write(Convert.ToBase64String(png));
            }, Png);
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), Html, Png);
        }

        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameHtml.Render(frame)), Html);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), Html);
    }

    /// <summary>The notebook HTML for <paramref name="chart"/>, with the static picture inside when there is one.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        var picture = PictureOf(chart);
        return ChartWithPicture.Compose(ChartElementIds.ForNotebookOutput(InteractiveHtml(chart)), picture.Png, picture.Width, picture.Height,
            description: "static picture of the chart (shown where scripts do not run)");
    }

    /// <summary>
    /// The chart's HTML as Plotly.NET.Interactive writes it: a div and a script that loads plotly.js with require.js
    /// from the CDN (a notebook page has no global <c>Plotly</c>) and draws once it has loaded.
    /// </summary>
    public static string InteractiveHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plotlyJs = PlotlyJSReference.NewRequire($"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min");
        var withRequire = Chart.withDisplayOptionsStyle(
            DocumentTitle: null, DocumentCharset: null, DocumentDescription: null, DocumentFavicon: null,
            AdditionalHeadTags: null, ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(plotlyJs));
        return GenericChart.toChartHTML(withRequire.Invoke(chart));
    }

    private static RenderedPicture PictureOf(GenericChart chart) => Pictures.GetValue(chart, Render);

    private static RenderedPicture Render(GenericChart chart)
    {
        var (width, height) = ChartPng.SizeOf(chart);
        return new RenderedPicture(ChartPng.TryRender(chart, width, height), width, height);
    }

    private sealed record RenderedPicture(byte[]? Png, int Width, int Height);
}
