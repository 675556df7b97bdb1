using System.Diagnostics;

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
            var rebuilt = await LibraryBuild.BuildIfStaleAsync(layout, cancellation);
            return CheckResult.Ok(Name, rebuilt.Count == 0
                ? "library up to date"
                : $"library built ({string.Join(", ", rebuilt.Select(Path.GetFileNameWithoutExtension))} had changed or was not built) in {RunSummary.Format(clock.Elapsed)}");
        }
        catch (InvalidOperationException error)
        {
            return CheckResult.Failed(Name, error.Message);
        }
    }
}
