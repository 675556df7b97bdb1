using System.Text.Json.Nodes;
using DeepFm.Notebook.Hosting;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>
/// What a reader who runs nothing sees: ChartKinds.ipynb executed in the kernel, its outputs read from the saved file.
/// Each chart is ONE output holding both <c>text/html</c> (with the static picture inside) and <c>image/png</c>; a
/// DataFrame is a plain, rounded HTML table. Without a browser, charts are interactive only and one line says why.
/// </summary>
[Trait("Category", "Notebook")]
public sealed class NotebookDisplayTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
    private static readonly string Fixture = Path.Combine(Layout.Root, "tests", "DeepFm.Notebook.Tests", "Notebooks", "ChartKinds.ipynb");

    [Fact]
    public async Task Each_chart_is_one_output_with_html_and_png_and_tables_are_plain_html()
    {
        ChartExportTestsSkip();
        var cells = await RunFixture(new Dictionary<string, string>(), "with-browser");

        var charts = cells.Where(cell => cell.Source.StartsWith("// chart:", StringComparison.Ordinal)).ToList();
        Assert.True(charts.Count >= 10, $"expected at least 10 chart cells, found {charts.Count}");
        foreach (var chart in charts)
        {
            var display = Assert.Single(chart.Outputs, output => output["data"] is not null);
            var data = display["data"]!.AsObject();
            Assert.True(data.ContainsKey("text/html") && data.ContainsKey("image/png"),
                $"{chart.FirstLine}: one output should hold text/html and image/png, it holds {string.Join(", ", data.Select(p => p.Key))}");
            var html = Text(data["text/html"]);
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("<img src=\"data:image/png;base64,", html); // the picture a script-less viewer shows
            Assert.StartsWith("iVBORw0KGgo", Text(data["image/png"]));   // base64 of the PNG signature
        }

        var table = Assert.Single(cells, cell => cell.Source.StartsWith("// table:", StringComparison.Ordinal));
        var tableHtml = Text(Assert.Single(table.Outputs, output => output["data"] is not null)["data"]!["text/html"]);
        Assert.StartsWith("<table>", tableHtml);
        Assert.DoesNotContain("<script", tableHtml);
        Assert.Contains("… 5 more rows", tableHtml);
        Assert.Contains("<td style=\"text-align: right;\">0.8000</td>", tableHtml);     // test_auc, declared 4 decimals
        Assert.Contains("<td style=\"text-align: right;\">2.3</td>", tableHtml);        // seconds, declared 1 decimal
        Assert.Contains("<td style=\"text-align: right;\">0.00004051</td>", tableHtml); // gradient: 4 significant
        Assert.DoesNotContain("E-05", tableHtml);
    }

    [Fact]
    public async Task Without_a_browser_charts_are_interactive_only_and_one_line_says_so()
    {
        var cells = await RunFixture(new Dictionary<string, string> { [ChromiumLocator.EnvironmentVariable] = ChromiumLocator.NoBrowser }, "no-browser");

        var charts = cells.Where(cell => cell.Source.StartsWith("// chart:", StringComparison.Ordinal)).ToList();
        Assert.All(charts, chart =>
        {
            var data = Assert.Single(chart.Outputs, output => output["data"] is not null)["data"]!.AsObject();
            Assert.False(data.ContainsKey("image/png"), $"{chart.FirstLine} has a picture without a browser");
            Assert.Contains("Plotly.newPlot", Text(data["text/html"]));
        });
        var notices = cells.SelectMany(cell => cell.Outputs)
            .Where(output => (string?)output["output_type"] == "stream")
            .Sum(output => Text(output["text"]).Split(PngExportNotice.Text).Length - 1);
        Assert.Equal(1, notices);
    }

    private static void ChartExportTestsSkip() => Plots.ChartExportTests.SkipWithoutBrowser();

    private static async Task<IReadOnlyList<Cell>> RunFixture(Dictionary<string, string> environment, string name)
    {
        var runner = new NotebookRunner(Layout, environment, TimeSpan.FromMinutes(20));
        var output = Path.Combine(Path.GetTempPath(), "deepfm-notebook-tests", "display-" + name, "ChartKinds.ipynb");
        var run = await runner.RunWithReplAsync(Fixture, output, TestContext.Current.CancellationToken);
        Assert.True(run.Succeeded, run.Describe());
        return JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray()
            .Where(cell => (string?)cell!["cell_type"] == "code")
            .Select(cell => new Cell(Text(cell!["source"]), cell["outputs"]!.AsArray().Select(o => o!).ToList()))
            .ToList();
    }

    // nbformat stores multi-line strings either as one string or as a list of lines.
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        null => "",
        _ => (string?)node ?? "",
    };

    private sealed record Cell(string Source, IReadOnlyList<JsonNode> Outputs)
    {
        public string FirstLine => Source.Split('\n')[0];
    }
}
