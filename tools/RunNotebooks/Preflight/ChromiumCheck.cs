namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// A browser for the PNG export of the charts. Missing is a warning, not a failure: the notebooks then save HTML
/// charts only and the committed PNGs stay. Looks where the library's ChromiumLocator looks, in the same order:
/// DEEPFM_CHROMIUM, /usr/bin/chromium, the devcontainer's headless Chrome in ~/.cache/deepfm-chrome, then
/// chromium, chromium-browser, google-chrome and google-chrome-stable on PATH. The browser found must also start
/// (<c>--version</c>, a fifth of a second): Ubuntu's chromium-browser, for one, is a snap stub that cannot run in a
/// container.
/// </summary>
/// <param name="host">The machine's variables and home folder.</param>
/// <param name="systemChromium">Debian's browser path (tests point it elsewhere).</param>
/// <param name="starts">Null when the browser at the path starts, else why not; default: runs it with --version.</param>
public sealed class ChromiumCheck(
    HostEnvironment host, string systemChromium = "/usr/bin/chromium",
    Func<string, CancellationToken, Task<string?>>? starts = null) : PreflightCheck
{
    /// <summary>The variable that names the browser.</summary>
    public const string Variable = "DEEPFM_CHROMIUM";

    /// <summary>The one line that says how to get PNGs.</summary>
    public const string InstallHint = "apt-get install chromium, or set " + Variable + " to a Chromium or Chrome executable";

    /// <summary>The value of DEEPFM_CHROMIUM that hides every browser (as the library's ChromiumLocator reads it).</summary>
    public const string NoBrowser = "none";

    private static readonly string[] NamesOnPath = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <inheritdoc/>
    public override string Name => "Chromium";

    /// <inheritdoc/>
    public override async Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        var named = host.NonEmpty(Variable);
        if (string.Equals(named?.Trim(), NoBrowser, StringComparison.OrdinalIgnoreCase))
            return CheckResult.Warning(Name,
                $"{Variable}={NoBrowser}: charts are saved as HTML only and the committed PNGs are kept. For PNGs: unset it.");
        if (named is not null && !File.Exists(named))
            return CheckResult.Failed(Name,
                $"{Variable} names {named}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.");
        var found = named ?? Find();
        if (found is null)
            return CheckResult.Warning(Name,
                $"No Chromium: charts are saved as HTML only and the committed PNGs are kept. For PNGs: {InstallHint}.");
        var problem = await (starts ?? StartsAsync)(found, cancellation);
        if (problem is null)
            return CheckResult.Ok(Name, $"Chromium for PNG export: {found}" + (named is null ? "" : $" (from {Variable})"));
        return named is not null
            ? CheckResult.Failed(Name, $"{Variable} names {named}, which does not start ({problem}). Point it at a working " +
                                       "Chromium or Chrome, or unset it.")
            : CheckResult.Warning(Name, $"{found} does not start ({problem}): charts are saved as HTML only and the committed " +
                                        $"PNGs are kept. For PNGs: {InstallHint}.");
    }

    /// <summary>Runs <paramref name="browser"/> with --version: null when it starts, else why not.</summary>
    public static async Task<string?> StartsAsync(string browser, CancellationToken cancellation)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(browser, ["--version"], Path.GetTempPath(), null, TimeSpan.FromSeconds(20), cancellation);
            return result.ExitCode == 0 ? null
                : $"exit code {result.ExitCode}: {result.Output.Trim().Split('\n')[0]}";
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return error.Message.Split('\n')[0];
        }
    }

    private string? Find()
    {
        if (File.Exists(systemChromium))
            return systemChromium;
        var devcontainerBrowsers = Path.Combine(host.HomeFolder, ".cache", "deepfm-chrome");
        if (Directory.Exists(devcontainerBrowsers)
            && Directory.EnumerateFiles(devcontainerBrowsers, "chrome-headless-shell", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).LastOrDefault() is { } headlessShell)
            return headlessShell;
        return NamesOnPath.Select(host.FindOnPath).FirstOrDefault(path => path is not null);
    }
}
