using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Keeps the static pictures a reader without JavaScript depends on (GitHub shows a chart's <c>text/html</c>, blank
/// without scripts, so the picture must be in the HTML too). A fresh chart output that carries no picture (no
/// Chromium) takes the committed picture of the chart with the same figure: the same plotly data, layout and config,
/// compared as text; element ids are ignored. A chart whose figure changed has no picture to take: it is named.
/// </summary>
public static partial class StaticPictures
{
    [GeneratedRegex(@"^\s*var (?:data|layout|config) = .*$", RegexOptions.Multiline)]
    private static partial Regex FigureLine();

    [GeneratedRegex("""<div id="(?<id>[^"]+)"><!-- Plotly chart will be drawn inside this DIV --></div>""")]
    private static partial Regex EmptyChartDiv();

    [GeneratedRegex("""<img src="data:image/png;base64,[^"]*"[^>]*/>""")]
    private static partial Regex Picture();

    /// <summary>
    /// Gives each chart output of <paramref name="executed"/> without a picture the picture of
    /// <paramref name="committed"/>'s chart with the same figure. Returns the charts left without one
    /// ("cell N"); empty when the notebook can be written over the committed one.
    /// </summary>
    public static IReadOnlyList<string> Keep(JsonObject committed, JsonObject executed)
    {
        var committedPictures = new Dictionary<string, (JsonNode Png, string Img)>();
        foreach (var (_, output) in ChartOutputs(committed))
        {
            var data = output["data"]!.AsObject();
            var img = Picture().Match(Html(data));
            if (data["image/png"] is { } png && img.Success)
                committedPictures.TryAdd(FigureKey(Html(data)), (png, img.Value));
        }

        var missing = new List<string>();
        foreach (var (cell, output) in ChartOutputs(executed))
        {
            var data = output["data"]!.AsObject();
            string html = Html(data);
            if (data["image/png"] is not null && Picture().IsMatch(html))
                continue;
            var div = EmptyChartDiv().Match(html);
            if (!div.Success || !committedPictures.TryGetValue(FigureKey(html), out var kept))
            {
                missing.Add($"cell {cell}");
                continue;
            }
            string id = div.Groups["id"].Value;
            string draw = $"Plotly.newPlot('{id}',";
            int drawAt = html.IndexOf(draw, div.Index + div.Length, StringComparison.Ordinal);
            // The picture goes inside the chart's div; the script, when it runs, clears it before drawing.
            string after = html[(div.Index + div.Length)..];
            if (drawAt >= 0)
                after = html[(div.Index + div.Length)..drawAt] + $"document.getElementById('{id}').replaceChildren(); " + html[drawAt..];
            string composed = html[..div.Index] + $"<div id=\"{id}\">{kept.Img}</div>" + after;
            data["text/html"] = data["text/html"] is JsonArray ? Lines(composed) : composed;
            data["image/png"] = kept.Png.DeepClone();
        }
        return missing;
    }

    /// <summary>What identifies a chart's figure: its plotly data, layout and config lines.</summary>
    public static string FigureKey(string chartHtml) =>
        string.Join("\n", FigureLine().Matches(chartHtml).Select(match => match.Value.Trim()));

    private static IEnumerable<(int Cell, JsonObject Output)> ChartOutputs(JsonObject notebook)
    {
        var cells = notebook["cells"]!.AsArray();
        for (var index = 0; index < cells.Count; index++)
        {
            foreach (var output in cells[index]?["outputs"]?.AsArray() ?? [])
            {
                if (output is JsonObject o && o["data"] is JsonObject data && Html(data).Contains("Plotly.newPlot(", StringComparison.Ordinal))
                    yield return (index + 1, o);
            }
        }
    }

    // Jupyter's multi-line strings: one entry per line, each keeping its newline.
    private static JsonArray Lines(string text) =>
        new(Regex.Split(text, "(?<=\n)").Where(line => line.Length > 0).Select(line => (JsonNode?)JsonValue.Create(line)).ToArray());

    private static string Html(JsonObject data) => NotebookFile.Text(data["text/html"]);
}
