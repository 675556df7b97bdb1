using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// The no-damage rule, the kernel's working folder and the cell progress with the real dotnet repl: a notebook that
/// saves a chart and then throws leaves its file and the assets as they were, and its executed copy (with the error)
/// lands in .failed/. The fixture lives under artifacts/ (ignored by git) because dotnet finds the repository's local
/// tools (dotnet-repl) from the kernel's working folder, which is the notebook's own.
/// </summary>
[Trait("Category", "Notebook")]
public sealed class RunnerRealKernelTests : IDisposable
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
    private readonly string folder = Path.Combine(Layout.Root, "artifacts", "runner-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AFailingNotebookChangesNoCommittedFile()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(folder, "notebooks")).FullName;
        var assets = Directory.CreateDirectory(Path.Combine(folder, "assets")).FullName;
        var notebook = Path.Combine(notebooks, "99-fails.ipynb");
        NotebookFile.WriteAtomically(Fixture(), notebook);
        File.WriteAllText(Path.Combine(assets, "chart.png"), "committed");
        var before = File.ReadAllBytes(notebook);
        var display = new RecordingDisplay();
        var runner = new NotebookRunner(Layout, new Dictionary<string, string>(), TimeSpan.FromMinutes(10));

        var result = (await new NotebookBatch(runner, NotebookEngine.DotnetRepl, notebooks, assets, display)
            .RunAsync([notebook], TestContext.Current.CancellationToken)).Single();

        Assert.False(result.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal("committed", File.ReadAllText(Path.Combine(assets, "chart.png")));
        var failedCopy = Path.Combine(notebooks, ".failed", "99-fails.ipynb");
        Assert.Equal(failedCopy, result.WrittenTo);
        var executed = JsonNode.Parse(File.ReadAllText(failedCopy))!["cells"]!;
        Assert.Contains(notebooks, executed[1]!["outputs"]!.ToJsonString()); // the kernel ran in the notebook's folder
        Assert.Contains("deliberate failure", executed[2]!["outputs"]!.ToJsonString());
        Assert.Equal(2, result.Run.Failure!.CellIndex);
        Assert.Equal("code cell 2: InvalidOperationException", result.ShortReason);
        Assert.Contains(" 2 FAILED", display.Progress.Single()); // the log said the second code cell had started
    }

    // A markdown cell, a cell that saves a "chart" and prints the kernel's folder, and a cell that throws.
    private static JsonObject Fixture() => JsonNode.Parse("""
        {
         "cells": [
          {"cell_type": "markdown", "id": "title", "metadata": {}, "source": ["# Fails on purpose"]},
          {"cell_type": "code", "execution_count": null, "id": "save", "metadata": {}, "outputs": [], "source": [
           "System.IO.File.WriteAllText(System.IO.Path.Combine(System.Environment.GetEnvironmentVariable(\"DEEPFM_ASSETS\"), \"chart.png\"), \"half\");\n",
           "System.Environment.CurrentDirectory"]},
          {"cell_type": "code", "execution_count": null, "id": "throw", "metadata": {}, "outputs": [], "source": [
           "throw new System.InvalidOperationException(\"deliberate failure\");"]}
         ],
         "metadata": {
          "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
          "language_info": {"name": "C#"},
          "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "languageName": "csharp", "name": "csharp"}]}}
         },
         "nbformat": 4, "nbformat_minor": 5
        }
        """)!.AsObject();
}
