using System.Text.Json;
using Plotly.NET;

namespace DeepFm.Notebook.Tests.Plots;

/// <summary>Reads back what a chart will hand to plotly.js: its traces and layout as JSON.</summary>
internal sealed class ChartJson
{
    private readonly JsonElement root;

    public ChartJson(GenericChart chart) => root = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public IReadOnlyList<JsonElement> Traces => root.GetProperty("data").EnumerateArray().ToList();

    public JsonElement Trace(string name) => Traces.Single(trace => trace.GetProperty("name").GetString() == name);

    public string Title => root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;

    public string AxisTitle(string axis) =>
        root.GetProperty("layout").GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;

    public static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(value => value.GetDouble()).ToArray();

    public static string[] Texts(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(value => value.GetString()!).ToArray();
}
