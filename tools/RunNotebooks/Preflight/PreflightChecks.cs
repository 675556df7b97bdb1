using System.Diagnostics;

namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// The checks a run makes before its first notebook, in order: the platform, the parameters, the data, Jupyter (with
/// <c>--jupyter</c>), Chromium, the dotnet tools, the library build. The cheap ones come first; the first failure stops the run.
/// </summary>
public static class PreflightChecks
{
    /// <summary>
    /// The checks for a run with <paramref name="engine"/> that reads <paramref name="data"/>; <paramref name="epochs"/>
    /// is <c>--epochs</c>, if given.
    /// </summary>
    public static IReadOnlyList<PreflightCheck> For(NotebookEngine engine, int? epochs, DataSource data, HostEnvironment host,
        RepositoryLayout layout, Func<CancellationToken, Task<string?>>? serverAnswers = null)
    {
        var checks = new List<PreflightCheck>
        {
            new PlatformCheck(),
            new ParametersCheck(host, epochs),
            new DataCheck(data, serverAnswers ?? DataCheck.AskOfficialServerAsync),
        };
        if (engine == NotebookEngine.Jupyter)
            checks.Add(new JupyterCheck(host, layout));
        checks.Add(new ChromiumCheck(host));
        checks.Add(new DotnetToolsCheck(layout));
        checks.Add(new LibraryBuildCheck(layout));
        return checks;
    }

    /// <summary>
    /// Runs <paramref name="checks"/> in order, handing each result to <paramref name="report"/> as it comes, and
    /// stops at the first failure. Returns the results and the time taken.
    /// </summary>
    public static async Task<(IReadOnlyList<CheckResult> Results, TimeSpan Elapsed)> RunAsync(
        IEnumerable<PreflightCheck> checks, Action<CheckResult> report, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            var result = await check.RunAsync(cancellation);
            results.Add(result);
            report(result);
            if (result.Status == CheckStatus.Failed)
                break;
        }
        return (results, clock.Elapsed);
    }

    /// <summary>True when no result is a failure.</summary>
    public static bool Passed(IEnumerable<CheckResult> results) => results.All(result => result.Status != CheckStatus.Failed);
}
