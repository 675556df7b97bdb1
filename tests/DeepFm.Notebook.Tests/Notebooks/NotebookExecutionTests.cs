using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>
/// "Does it run" tier: executes every notebooks/*.ipynb headless with dotnet repl (DEEPFM_EPOCHS=1 shortens training),
/// and notebook 01 through Jupyter's nbconvert with the .NET kernel. A failure names the notebook, the cell and the error.
/// </summary>
[Trait("Category", "Notebook")]
public sealed class NotebookExecutionTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    // One epoch, the real data beside the repository, and charts into a temporary folder (never over assets/).
    private static readonly Dictionary<string, string> ShortRun = new()
    {
        [NotebookEnvironment.EpochsVariable] = "1",
        [NotebookEnvironment.AssetsVariable] = Directory.CreateTempSubdirectory("deepfm-notebook-assets-").FullName,
        [NotebookEnvironment.DataVariable] = NotebookEnvironment.LocalData(Layout)
            ?? throw new InvalidOperationException($"The notebook tests read the real MovieLens-100k: put ml-100k.zip in {Path.GetFullPath(Path.Combine(Layout.Root, "..", "shared", "data"))}."),
    };

    /// <summary>The file names of all tutorial notebooks, in reading order.</summary>
    public static TheoryData<string> TutorialNotebooks() => new(Layout.Notebooks().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(TutorialNotebooks))]
    public async Task NotebookRunsWithDotnetRepl(string notebookName)
    {
        var runner = new NotebookRunner(Layout, ShortRun, TimeSpan.FromMinutes(20));
        var output = Path.Combine(Path.GetTempPath(), "deepfm-notebook-tests", "repl", notebookName);

        var run = await runner.RunWithReplAsync(Path.Combine(Layout.NotebooksFolder, notebookName), output, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Describe());
    }

    [Fact]
    public async Task FirstNotebookRunsInJupyterWithTheDotnetKernel()
    {
        if (!NotebookRunner.JupyterIsInstalled())
            Assert.Skip("jupyter is not on PATH (apt-get install jupyter-nbconvert python3-ipykernel jupyter-client); " +
                        "the dotnet repl test still runs every notebook.");
        var runner = new NotebookRunner(Layout, ShortRun, TimeSpan.FromMinutes(20));
        var notebook = Layout.Notebooks().First();
        var output = Path.Combine(Path.GetTempPath(), "deepfm-notebook-tests", "jupyter", Path.GetFileName(notebook));

        var run = await runner.RunWithJupyterAsync(notebook, output, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Describe());
    }

    [Fact]
    public async Task EveryChartKindRendersAsHtmlInTheKernel()
    {
        // ChartKinds.ipynb draws each Plotly.NET chart kind the tutorial uses; in a kernel they only work through
        // FSharpCoreRedirect, so a chart kind that needs an FSharp.Core 10.1 API fails here, not in a reader's notebook.
        var fixture = Path.Combine(Layout.Root, "tests", "DeepFm.Notebook.Tests", "Notebooks", "ChartKinds.ipynb");
        var runner = new NotebookRunner(Layout, ShortRun, TimeSpan.FromMinutes(20));
        var output = Path.Combine(Path.GetTempPath(), "deepfm-notebook-tests", "repl", "ChartKinds.ipynb");

        var run = await runner.RunWithReplAsync(fixture, output, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Describe());
        var chartCells = ExecutedCells.Read(output).Where(cell => cell.FirstLine.StartsWith("// chart:", StringComparison.Ordinal)).ToList();
        Assert.True(chartCells.Count >= 10, $"expected at least 10 chart cells, found {chartCells.Count}");
        Assert.All(chartCells, cell => Assert.True(cell.HtmlOutputs.Any(html => html.Contains("Plotly.newPlot")),
            $"cell {cell.Index} ({cell.FirstLine}) did not render a Plotly chart as text/html"));
    }
}
