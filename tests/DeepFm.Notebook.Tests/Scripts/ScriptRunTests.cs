using DeepFm.Notebook.Hosting;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>
/// "Does it run" tier for the generated scripts: <c>dotnet run scripts/NN-name.cs</c>, as a reader with only the
/// .NET SDK runs it (1 epoch, the real data beside the repository), finishes and writes its charts. Script 04 runs with
/// Chromium hidden (HTML only, the fresh-machine case), script 01 with Chromium when the machine has one (PNG too).
/// Each run's time is written to the test output.
/// </summary>
[Trait("Category", "Notebook")]
public sealed class ScriptRunTests(ITestOutputHelper output)
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    private static Dictionary<string, string> ShortRun(string charts) => new()
    {
        [NotebookEnvironment.EpochsVariable] = "1",
        // Notebook 04 saves its charts to assets/ too: a short run must never overwrite the committed pictures.
        [NotebookEnvironment.AssetsVariable] = Directory.CreateTempSubdirectory("deepfm-script-assets-").FullName,
        [NotebookEnvironment.DataVariable] = NotebookEnvironment.LocalData(Layout)
            ?? throw new InvalidOperationException($"The script tests read the real MovieLens-100k: put ml-100k.zip in {Path.GetFullPath(Path.Combine(Layout.Root, "..", "shared", "data"))}."),
        [ScriptOutput.OutputVariable] = charts,
    };

    [Fact]
    public async Task TrainingScriptRunsWithoutABrowserAndWritesItsChartsAsHtml()
    {
        string charts = Directory.CreateTempSubdirectory("deepfm-script-04-").FullName;
        var environment = ShortRun(charts);
        environment[ChromiumLocator.EnvironmentVariable] = "none";

        var run = await RunScriptAsync("04-train-eval", environment);

        Assert.Contains("epoch   1  train loss", run.Output);          // the trainer's validation log
        Assert.Contains("Trainer         0.", run.Output);              // the written-out epoch checked against it
        Assert.Contains("val-auc accuracy:", run.Output);               // the original's last line
        Assert.True(File.Exists(Path.Combine(charts, "auc-vs-epoch.html")), run.Output);
        Assert.True(File.Exists(Path.Combine(charts, "log-loss-vs-epoch.html")), run.Output);
        Assert.Empty(Directory.GetFiles(charts, "*.png"));
        Assert.Contains(PngExportNotice.Text, run.Output);
    }

    [Fact]
    public async Task DataScriptRunsAndWritesItsChartsAsHtmlAndPng()
    {
        string charts = Directory.CreateTempSubdirectory("deepfm-script-01-").FullName;

        var run = await RunScriptAsync("01-data", ShortRun(charts));

        Assert.Contains("## The features (特征)", run.Output);   // headings are printed as the run reaches them
        string[] names = ["rating-distribution", "ratings-per-user"];
        Assert.All(names, name => Assert.True(File.Exists(Path.Combine(charts, name + ".html")), run.Output));
        if (ChromiumLocator.TryFind() is null)
            return;   // no browser here: the HTML is what a machine without one gets
        Assert.All(names, name => Assert.True(File.Exists(Path.Combine(charts, name + ".png")), run.Output));
    }

    /// <summary>The scripts the tests above do not run: each must at least compile (warnings are errors here too).</summary>
    public static TheoryData<string> ScriptsNotRun() => new(Layout.Notebooks()
        .Select(path => Path.GetFileNameWithoutExtension(path)!)
        .Where(name => name is not ("01-data" or "04-train-eval")));

    [Theory]
    [MemberData(nameof(ScriptsNotRun))]
    public async Task ScriptBuilds(string name)
    {
        var build = await ProcessRunner.RunAsync("dotnet", ["build", $"scripts/{name}.cs"], Layout.Root, null,
            TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);

        Assert.True(build.ExitCode == 0, $"dotnet build scripts/{name}.cs exited with {build.ExitCode}:\n{build.Output}");
    }

    private async Task<ProcessRunner.Result> RunScriptAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var run = await ProcessRunner.RunAsync("dotnet", ["run", $"scripts/{name}.cs"], Layout.Root, environment,
            TimeSpan.FromMinutes(15), TestContext.Current.CancellationToken);
        output.WriteLine($"dotnet run scripts/{name}.cs (1 epoch): {run.Elapsed.TotalSeconds:F1} s, exit code {run.ExitCode}");
        Assert.True(run.ExitCode == 0, $"dotnet run scripts/{name}.cs exited with {run.ExitCode}:\n{run.Output}");
        return run;
    }
}
