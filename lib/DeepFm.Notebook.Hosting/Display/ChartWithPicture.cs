using System.Net;
using System.Text.RegularExpressions;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Puts a static picture of a chart inside the chart's own HTML, for readers whose viewer runs no script.
/// </summary>
/// <remarks>
/// Plotly.NET's notebook HTML is an empty <c>&lt;div id="…"&gt;</c> plus a script that loads plotly.js and draws
/// into that div. A viewer that runs no JavaScript (GitHub, <c>nbconvert --to html</c> opened with scripts blocked)
/// shows the empty div, and those viewers prefer <c>text/html</c> to <c>image/png</c> when an output has both.
/// So the picture goes into the div, and the drawing code empties the div just before it draws: with JavaScript a
/// reader sees exactly one interactive chart, without it exactly one picture.
/// </remarks>
public static partial class ChartWithPicture
{
    [GeneratedRegex("""<div id="(?<id>[^"]+)"><!-- Plotly chart will be drawn inside this DIV --></div>""")]
    private static partial Regex EmptyChartDiv();

    /// <summary>
    /// <paramref name="chartHtml"/> (Plotly.NET's notebook HTML) with <paramref name="png"/> shown inside the chart's
    /// div until plotly.js draws there. Returns <paramref name="chartHtml"/> unchanged when there is no picture or
    /// the HTML does not have Plotly.NET's shape (then a reader simply gets the interactive chart).
    /// </summary>
    public static string Compose(string chartHtml, byte[]? png, int width, int height, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(chartHtml);
        if (png is null || png.Length == 0)
            return chartHtml;
        var div = EmptyChartDiv().Match(chartHtml);
        if (!div.Success)
            return chartHtml;
        string id = div.Groups["id"].Value;
        string draw = $"Plotly.newPlot('{id}',";
        int drawAt = chartHtml.IndexOf(draw, div.Index + div.Length, StringComparison.Ordinal);
        if (drawAt < 0)
            return chartHtml;

        string picture =
            $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"{width}\" height=\"{height}\" " +
            $"style=\"max-width: 100%; height: auto;\" alt=\"{WebUtility.HtmlEncode(description ?? "chart")}\" />";
        // Emptied right before drawing, inside the callback that runs once plotly.js has loaded: if the script
        // cannot load it (offline), the picture stays.
        string clear = $"document.getElementById('{id}').replaceChildren(); ";
        return chartHtml[..div.Index] + $"<div id=\"{id}\">{picture}</div>" +
               chartHtml[(div.Index + div.Length)..drawAt] + clear + chartHtml[drawAt..];
    }
}
