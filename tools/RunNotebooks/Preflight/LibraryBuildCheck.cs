using System.Diagnostics;
using DeepFm.Notebook.Hosting;

namespace DeepFm.RunNotebooks.Preflight;

/// <summary>The library the notebooks load is built and up to date: builds it (Release) when it is stale.</summary>
public sealed class LibraryBuildCheck(RepositoryLayout layout) : PreflightCheck
{
    /// <inheritdoc/>
    public override string Name => "library";

    /// <inheritdoc/>
    public override async Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var reason = LibraryBuild.StaleReason(layout.Root);
            if (reason is null)
                return CheckResult.Ok(Name, "library up to date");
            await Task.Run(() => LibraryBuild.EnsureCurrent(layout.Root, TextWriter.Null), cancellation);
            return CheckResult.Ok(Name, $"library built ({reason}) in {RunSummary.Format(clock.Elapsed)}");
        }
        catch (InvalidOperationException error)
        {
            return CheckResult.Failed(Name, error.Message);
        }
    }
}
