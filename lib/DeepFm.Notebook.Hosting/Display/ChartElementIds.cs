using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Replaces the random element id Plotly.NET gives every chart (a new GUID at each rendering) by one derived from
/// the chart itself, so re-running a notebook with the same seeds rewrites no chart id and <c>git diff</c> shows only
/// what really changed (timings, numbers).
/// </summary>
/// <remarks>
/// The id is <c>chart-</c> plus the first 12 hex digits of the SHA-256 of the chart's HTML without its id: same data,
/// layout and options, same id. The same chart shown again in one notebook gets <c>-2</c>, <c>-3</c>… so that no two
/// elements of a page share an id (the second would draw into the first).
/// </remarks>
public static partial class ChartElementIds
{
    [GeneratedRegex("""<div id="(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})">""")]
    private static partial Regex RandomChartDiv();

    private static readonly Dictionary<string, int> TimesShown = [];
    private static readonly Lock Gate = new();

    /// <summary>
    /// <paramref name="chartHtml"/> with its random chart id replaced by the content-derived one; unchanged when it
    /// has no Plotly.NET chart div. Use for a stand-alone file, where the id occurs once.
    /// </summary>
    public static string FromContent(string chartHtml) => Replace(chartHtml, occurrence: null);

    /// <summary>
    /// As <see cref="FromContent"/>, for an output of a notebook page: a chart identical to one already shown in this
    /// process gets a suffix (<c>-2</c>, <c>-3</c>…), counted in the order the cells run.
    /// </summary>
    public static string ForNotebookOutput(string chartHtml) => Replace(chartHtml, occurrence: Count);

    private static string Replace(string chartHtml, Func<string, int>? occurrence)
    {
        ArgumentNullException.ThrowIfNull(chartHtml);
        Match div = RandomChartDiv().Match(chartHtml);
        if (!div.Success)
            return chartHtml;
        string randomId = div.Groups["id"].Value;
        // Plotly.NET also names the drawing function after the id, without its dashes (renderPlotly_…).
        string randomName = randomId.Replace("-", "", StringComparison.Ordinal);
        string withoutId = chartHtml.Replace(randomId, "", StringComparison.Ordinal).Replace(randomName, "", StringComparison.Ordinal);
        string id = "chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutId)))[..12];
        if (occurrence?.Invoke(id) is int times && times > 1)
            id += "-" + times.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return chartHtml.Replace(randomId, id, StringComparison.Ordinal)
            .Replace(randomName, id.Replace('-', '_'), StringComparison.Ordinal);
    }

    private static int Count(string id)
    {
        lock (Gate)
        {
            TimesShown[id] = TimesShown.GetValueOrDefault(id) + 1;
            return TimesShown[id];
        }
    }
}
