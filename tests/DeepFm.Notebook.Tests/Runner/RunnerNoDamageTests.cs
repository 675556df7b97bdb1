using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// The run-all tool never damages the repository: a failed notebook goes to an ignored side file and leaves the
/// committed notebook and the committed charts byte for byte as they were; a successful one replaces both.
/// </summary>
public sealed class RunnerNoDamageTests : IDisposable
{
    private readonly string repository = Directory.CreateTempSubdirectory("deepfm-runner-repo-").FullName;

    public RunnerNoDamageTests()
    {
        Directory.CreateDirectory(NotebooksFolder);
        Directory.CreateDirectory(AssetsFolder);
        File.WriteAllText(NotebookPath, """
            {
             "cells": [
              {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title"]},
              {"cell_type": "code", "execution_count": 1, "id": "first", "metadata": {}, "outputs": [], "source": ["var x = 1;"]},
              {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["SaveCharts();"]}
             ],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5
            }
            """);
        File.WriteAllText(Path.Combine(AssetsFolder, "deepfm_auc.png"), "committed png");
        File.WriteAllText(Path.Combine(AssetsFolder, "deepfm_auc.html"), "committed html");
    }

    private string NotebooksFolder => Path.Combine(repository, "notebooks");
    private string AssetsFolder => Path.Combine(repository, "assets");
    private string NotebookPath => Path.Combine(NotebooksFolder, "04-train-eval.ipynb");
    private string FailedCopy => Path.Combine(NotebooksFolder, ".failed", "04-train-eval.ipynb");

    public void Dispose() => Directory.Delete(repository, recursive: true);

    [Fact]
    public async Task AFailedNotebookGoesToTheSideFileAndLeavesNotebookAndAssetsUntouched()
    {
        var notebookBefore = File.ReadAllBytes(NotebookPath);
        var kernel = new FakeKernel
        {
            FailingCell = 2,
            ChartFiles = new Dictionary<string, string> { ["deepfm_auc.png"] = "half-trained png", ["deepfm_loss.png"] = "new" },
        };
        var display = new RecordingDisplay();

        var results = await Batch(kernel, display).RunAsync([NotebookPath], TestContext.Current.CancellationToken);

        Assert.False(results.Single().Succeeded);
        Assert.Equal(notebookBefore, File.ReadAllBytes(NotebookPath));
        Assert.Equal("committed png", File.ReadAllText(Path.Combine(AssetsFolder, "deepfm_auc.png")));
        Assert.False(File.Exists(Path.Combine(AssetsFolder, "deepfm_loss.png")));
        Assert.Equal(FailedCopy, results.Single().WrittenTo);
        Assert.Contains("boom", File.ReadAllText(FailedCopy));
        Assert.Contains(display.Errors, line => line.Contains(Path.Combine(".failed", "04-train-eval.ipynb")) && line.Contains("unchanged"));
        Assert.Empty(Directory.GetFiles(repository, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ASuccessfulNotebookReplacesTheNotebookPromotesItsChartsAndClearsAnOldFailure()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FailedCopy)!);
        File.WriteAllText(FailedCopy, "from an earlier failed run");
        var kernel = new FakeKernel { ChartFiles = new Dictionary<string, string> { ["deepfm_auc.png"] = "fresh png" } };

        var results = await Batch(kernel, new RecordingDisplay()).RunAsync([NotebookPath], TestContext.Current.CancellationToken);

        Assert.True(results.Single().Succeeded);
        var written = JsonNode.Parse(File.ReadAllText(NotebookPath))!;
        Assert.Equal("ran cell 2\n", (string?)written["cells"]![2]!["outputs"]![0]!["text"]);
        Assert.Equal("fresh png", File.ReadAllText(Path.Combine(AssetsFolder, "deepfm_auc.png")));
        Assert.Equal("committed html", File.ReadAllText(Path.Combine(AssetsFolder, "deepfm_auc.html"))); // not produced: kept
        Assert.Equal(["deepfm_auc.png"], results.Single().Assets);
        Assert.False(File.Exists(FailedCopy));
        // The notebook saved its charts into a scratch folder, never straight into assets/.
        Assert.DoesNotContain(AssetsFolder, kernel.AssetsFolders.Single()!);
    }

    [Fact]
    public async Task ANotebookStoppedAtItsTimeLimitChangesNothingAndSaysHowToAllowLonger()
    {
        var notebookBefore = File.ReadAllBytes(NotebookPath);
        var kernel = new FakeKernel { TimesOut = true, ChartFiles = new Dictionary<string, string> { ["deepfm_auc.png"] = "partial" } };
        var display = new RecordingDisplay();

        var result = (await Batch(kernel, display).RunAsync([NotebookPath], TestContext.Current.CancellationToken)).Single();

        Assert.Equal("timed out", result.ShortReason);
        Assert.Null(result.WrittenTo);
        Assert.Equal(notebookBefore, File.ReadAllBytes(NotebookPath));
        Assert.Equal("committed png", File.ReadAllText(Path.Combine(AssetsFolder, "deepfm_auc.png")));
        Assert.Contains(display.Errors, line => line.Contains("--timeout MINUTES"));
    }

    [Fact]
    public async Task ACallerWhoSetDeepfmAssetsKeepsIt()
    {
        var kernel = new FakeKernel();
        var batch = new NotebookBatch(kernel, NotebookEngine.DotnetRepl, NotebooksFolder, assetsFolder: null, new RecordingDisplay());

        await batch.RunAsync([NotebookPath], TestContext.Current.CancellationToken);

        Assert.Null(kernel.AssetsFolders.Single()); // nothing set: the kernel inherits the caller's DEEPFM_ASSETS
    }

    [Fact]
    public async Task EveryNotebookRunsAfterAFailureAndProgressCountsCodeCells()
    {
        var second = Path.Combine(NotebooksFolder, "05-compare.ipynb");
        File.Copy(NotebookPath, second);
        var display = new RecordingDisplay();

        var results = await Batch(new FakeKernel { FailingCell = 1 }, display).RunAsync([NotebookPath, second], TestContext.Current.CancellationToken);

        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.False(result.Succeeded));
        Assert.Equal(["1/2 04-train-eval.ipynb (2 code cells): 1 2 FAILED", "2/2 05-compare.ipynb (2 code cells): 1 2 FAILED"], display.Progress);
    }

    private NotebookBatch Batch(FakeKernel kernel, IRunDisplay display) =>
        new(kernel, NotebookEngine.DotnetRepl, NotebooksFolder, AssetsFolder, display);
}
