using DeepFm.RunNotebooks.Preflight;
using Spectre.Console;

namespace DeepFm.RunNotebooks;

/// <summary>
/// What "run everything" does: choose the notebooks, run the preflight, run the notebooks with live progress
/// (<see cref="NotebookBatch"/>), and end with a per-notebook and total time table. Exit codes: 0 all ran,
/// 1 a notebook or the preflight failed, 2 nothing matched the NAME filters, 130 interrupted (Ctrl+C).
/// </summary>
public sealed class RunAll(RepositoryLayout layout, HostEnvironment host, IAnsiConsole console)
{
    /// <summary>Runs what <paramref name="options"/> ask for and returns the exit code (130 when interrupted).</summary>
    public async Task<int> RunAsync(RunOptions options, CancellationToken cancellation = default)
    {
        try
        {
            return await RunUninterruptedAsync(options, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the kernel (or build) was stopped with its whole process tree; nothing was written yet for it.
            console.MarkupLine("[yellow]Interrupted: the running notebook was stopped and nothing was written for it; " +
                               "notebooks that had finished were kept.[/]");
            return 130;
        }
    }

    private async Task<int> RunUninterruptedAsync(RunOptions options, CancellationToken cancellation)
    {
        var notebooks = options.SelectNotebooks(layout);
        if (notebooks.Count == 0)
        {
            var available = string.Join(", ", layout.Notebooks().Select(Path.GetFileName));
            var filters = string.Join(" or ", options.Filters);
            console.MarkupLine($"[red]No notebook in {Markup.Escape(layout.NotebooksFolder)} matches {Markup.Escape(filters)}.[/] " +
                               $"Available: {Markup.Escape(available)}.");
            return 2;
        }

        var data = DataSource.Resolve(options.DataPath, host, layout);
        var checks = PreflightChecks.For(options.Engine, options.Epochs, data, host, layout);
        var (results, elapsed) = await PreflightChecks.RunAsync(checks, ShowCheck, cancellation);
        if (!PreflightChecks.Passed(results))
        {
            console.MarkupLine(
                $"[red]Preflight failed after {RunSummary.Format(elapsed)}: no notebook was run and nothing was written.[/]");
            return 1;
        }
        console.MarkupLine($"Preflight passed in {RunSummary.Format(elapsed)}.");
        if (options.CheckOnly)
            return 0;

        var environment = new Dictionary<string, string>();
        if (options.Epochs is { } epochs)
            environment[NotebookEnvironment.EpochsVariable] = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (data.VariableForNotebooks is { } dataPath)
            environment[NotebookEnvironment.DataVariable] = dataPath;
        var targetFolder = options.OutputFolder ?? layout.NotebooksFolder;
        // A DEEPFM_ASSETS the caller set wins (the charts go there directly, resolved from here since the kernel runs
        // in notebooks/); otherwise each notebook's charts are staged and reach assets/ only if it succeeds.
        var callersAssets = host.NonEmpty(NotebookEnvironment.AssetsVariable);
        if (callersAssets is not null)
            environment[NotebookEnvironment.AssetsVariable] = Path.GetFullPath(callersAssets);
        var assetsFolder = callersAssets is not null ? null
            : options.OutputFolder is not null ? Path.Combine(options.OutputFolder, "assets")
            : Path.Combine(layout.Root, "assets");

        var display = options.Plain || !console.Profile.Capabilities.Interactive
            ? (IRunDisplay)new PlainRunDisplay(Console.Out, Console.Error)
            : new LiveRunDisplay(console);
        var runner = new NotebookRunner(layout, environment, options.TimeoutPerNotebook, prepared: true);
        var batch = new NotebookBatch(runner, options.Engine, targetFolder, assetsFolder, display);
        var runs = await display.ShowAsync(() => batch.RunAsync(notebooks, cancellation));

        console.Write(RunSummary.Build(runs));
        foreach (var run in runs.Where(run => run.ChartsWithoutPictures.Count > 0))
            console.MarkupLine("[yellow]" + Markup.Escape($"{run.Name}: changed charts without a static picture "
                + $"({string.Join(", ", run.ChartsWithoutPictures)}); the committed notebook is unchanged, this run is in {run.WrittenTo}.") + "[/]");
        if (runs.Any(run => run.ChartsWithoutPictures.Count > 0))
            console.MarkupLine("[yellow]Pictures need Chromium: `sudo apt-get install chromium` (or open the devcontainer), then run again.[/]");
        var failed = runs.Where(run => !run.Succeeded).ToList();
        if (failed.Count == 0)
        {
            console.MarkupLine($"[green]All {runs.Count} notebooks ran.[/]");
            return 0;
        }
        console.MarkupLine($"[red]{failed.Count} of {runs.Count} notebooks failed:[/]");
        foreach (var run in failed)
            console.MarkupLine("  " + Markup.Escape(run.Run.Describe().Split('\n')[0])
                + (run.WrittenTo is null ? "" : Markup.Escape($" (executed copy: {run.WrittenTo})")));
        return 1;
    }

    private void ShowCheck(CheckResult result)
    {
        var (mark, colour) = result.Status switch
        {
            CheckStatus.Ok => ("ok", "green"),
            CheckStatus.Warning => ("warning", "yellow"),
            _ => ("FAILED", "red"),
        };
        console.MarkupLine($"[{colour}]{mark,-7}[/] {Markup.Escape(result.Check)}: {Markup.Escape(result.Message)}");
    }
}
