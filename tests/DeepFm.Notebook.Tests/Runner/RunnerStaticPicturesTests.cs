using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// A run never takes a static picture out of a committed notebook (issue 28): without Chromium a chart whose figure
/// is unchanged keeps the committed picture, in its image/png and inside its HTML; a chart whose figure changed sends
/// the notebook to the ignored .without-pictures/ folder and leaves the committed one byte for byte.
/// </summary>
public sealed class RunnerStaticPicturesTests : IDisposable
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private readonly string repository = Directory.CreateTempSubdirectory("deepfm-runner-pictures-").FullName;

    private string NotebookPath => Path.Combine(repository, "notebooks", "04-train-eval.ipynb");
    private string SideCopy => Path.Combine(repository, "notebooks", NotebookBatch.WithoutPicturesFolderName, "04-train-eval.ipynb");

    public void Dispose() => Directory.Delete(repository, recursive: true);

    // Plotly.NET's notebook HTML, reduced to the parts the runner reads: the div, the figure lines, the draw call.
    private static string ChartHtml(string id, string data, bool withPicture) =>
        $"<div><div id=\"{id}\">"
        + (withPicture ? $"<img src=\"data:image/png;base64,{Png}\" width=\"600\" height=\"600\" alt=\"chart\" />" : "<!-- Plotly chart will be drawn inside this DIV -->")
        + "</div><script type=\"text/javascript\">\n"
        + $"        var data = {data};\n        var layout = {{\"width\":600}};\n        var config = {{\"responsive\":true}};\n"
        + (withPicture ? $"        document.getElementById('{id}').replaceChildren(); " : "        ")
        + $"Plotly.newPlot('{id}', data, layout, config);\n</script></div>";

    private static JsonObject ChartOutput(string id, string data, bool withPicture)
    {
        var bundle = new JsonObject { ["text/html"] = ChartHtml(id, data, withPicture) };
        if (withPicture)
            bundle["image/png"] = Png;
        return new JsonObject { ["output_type"] = "display_data", ["data"] = bundle, ["metadata"] = new JsonObject() };
    }

    private void WriteCommitted()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = 1, ["id"] = "chart", ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(ChartOutput("chart-committed", "[{\"y\":[1,2]}]", withPicture: true)),
                ["source"] = new JsonArray("chart.Display();"),
            }),
            ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        NotebookFile.WriteAtomically(notebook, NotebookPath);
    }

    private async Task<NotebookResult> RunWithoutChromium(string data, RecordingDisplay display)
    {
        var kernel = new FakeKernel { CellOutputs = new Dictionary<int, JsonObject> { [0] = ChartOutput("chart-fresh", data, withPicture: false) } };
        var batch = new NotebookBatch(kernel, NotebookEngine.DotnetRepl, Path.GetDirectoryName(NotebookPath)!, assetsFolder: null, display);
        return (await batch.RunAsync([NotebookPath], TestContext.Current.CancellationToken)).Single();
    }

    [Fact]
    public async Task AnUnchangedChartKeepsTheCommittedPictureInItsPngAndItsHtml()
    {
        WriteCommitted();

        var result = await RunWithoutChromium("[{\"y\":[1,2]}]", new RecordingDisplay());

        Assert.Empty(result.ChartsWithoutPictures);
        Assert.Equal(NotebookPath, result.WrittenTo);
        var data = JsonNode.Parse(File.ReadAllText(NotebookPath))!["cells"]![0]!["outputs"]![0]!["data"]!;
        Assert.Equal(Png, (string?)data["image/png"]);
        string html = (string)data["text/html"]!;
        Assert.Contains($"<div id=\"chart-fresh\"><img src=\"data:image/png;base64,{Png}\"", html);
        Assert.Contains("document.getElementById('chart-fresh').replaceChildren(); Plotly.newPlot('chart-fresh',", html);
        Assert.False(File.Exists(SideCopy));
    }

    [Fact]
    public async Task AChangedChartWithoutAPictureLeavesTheCommittedNotebookAndNamesTheChart()
    {
        WriteCommitted();
        var before = File.ReadAllBytes(NotebookPath);
        var display = new RecordingDisplay();

        var result = await RunWithoutChromium("[{\"y\":[3,4]}]", display);

        Assert.Equal(before, File.ReadAllBytes(NotebookPath));
        Assert.Equal(["cell 1"], result.ChartsWithoutPictures);
        Assert.Equal(SideCopy, result.WrittenTo);
        Assert.Contains("[3,4]", File.ReadAllText(SideCopy));
        Assert.Contains(display.Errors, line => line.Contains("cell 1") && line.Contains("unchanged"));
    }

    [Fact]
    public void TheFigureKeyIgnoresElementIds() =>
        Assert.Equal(
            StaticPictures.FigureKey(ChartHtml("chart-a", "[1]", withPicture: true)),
            StaticPictures.FigureKey(ChartHtml("chart-b", "[1]", withPicture: false)));
}
