namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// A browser for the PNG export of the charts. Missing is a warning, not a failure: the notebooks then save HTML
/// charts only and the committed PNGs stay. Looks where the library's ChromiumLocator looks, in the same order:
/// DEEPFM_CHROMIUM, /usr/bin/chromium, the devcontainer's headless Chrome in ~/.cache/deepfm-chrome, then
/// chromium, chromium-browser, google-chrome and google-chrome-stable on PATH.
/// </summary>
public sealed class ChromiumCheck(HostEnvironment host, string systemChromium = "/usr/bin/chromium") : PreflightCheck
{
    /// <summary>The variable that names the browser.</summary>
    public const string Variable = "DEEPFM_CHROMIUM";

    /// <summary>The one line that says how to get PNGs.</summary>
    public const string InstallHint = "apt-get install chromium, or set " + Variable + " to a Chromium or Chrome executable";

    private static readonly string[] NamesOnPath = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <inheritdoc/>
    public override string Name => "Chromium";

    /// <inheritdoc/>
    public override Task<CheckResult> RunAsync(CancellationToken cancellation = default) => Task.FromResult(Check());

    private CheckResult Check()
    {
        if (host.NonEmpty(Variable) is { } named)
            return File.Exists(named)
                ? CheckResult.Ok(Name, $"Chromium for PNG export: {named} (from {Variable})")
                : CheckResult.Failed(Name,
                    $"{Variable} names {named}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.");
        var found = Find();
        return found is not null
            ? CheckResult.Ok(Name, $"Chromium for PNG export: {found}")
            : CheckResult.Warning(Name,
                $"No Chromium: charts are saved as HTML only and the committed PNGs are kept. For PNGs: {InstallHint}.");
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
