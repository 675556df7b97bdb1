namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Finds the Chromium (or Chrome) executable that renders charts to PNG. Looked up in this order: an explicit
/// path, the DEEPFM_CHROMIUM environment variable, /usr/bin/chromium, the headless Chrome the devcontainer's set-up
/// installs in <c>~/.cache/deepfm-chrome</c> (before PATH, because Ubuntu's chromium-browser is a snap stub that
/// cannot run in a container), then chromium, chromium-browser, google-chrome and google-chrome-stable on PATH.
/// Nothing is ever downloaded here: rendering stays offline. <c>DEEPFM_CHROMIUM=none</c> hides every browser (the
/// PNG export is then skipped), which is how a machine with Chromium checks the path of one without.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>The environment variable that overrides where the browser is.</summary>
    public const string EnvironmentVariable = "DEEPFM_CHROMIUM";

    /// <summary>The value of DEEPFM_CHROMIUM that means "use no browser": charts are saved without PNG.</summary>
    public const string NoBrowser = "none";

    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string SystemChromium = "/usr/bin/chromium";

    /// <summary>What to do when no browser is found: install one, or name one.</summary>
    public const string InstallHint =
        "Install it with `apt-get install chromium` (Debian; Ubuntu's package is a snap stub that does not run in " +
        "containers: use the devcontainer, which installs a headless Chrome), or set " + EnvironmentVariable +
        " to the path of a Chromium or Chrome executable.";

    private static readonly string[] NamesOnPath = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// The browser executable to use. A path given explicitly or through DEEPFM_CHROMIUM must exist: it is
    /// reported rather than silently replaced by another browser.
    /// </summary>
    /// <exception cref="FileNotFoundException">No usable browser was found; the message says what to install.</exception>
    public static string Find(string? explicitPath = null) =>
        TryFind(explicitPath) ?? throw new FileNotFoundException(
            "No Chromium browser found to render charts as PNG (looked at " + EnvironmentVariable +
            ", /usr/bin/chromium, ~/.cache/deepfm-chrome and " + string.Join(", ", NamesOnPath) + " on PATH). " + InstallHint);

    /// <summary>
    /// As <see cref="Find"/>, but null when the usual places hold no browser (so PNG export can be skipped).
    /// A path named explicitly or by DEEPFM_CHROMIUM that does not exist is still an error: someone asked for it.
    /// </summary>
    /// <exception cref="FileNotFoundException">The explicit path or DEEPFM_CHROMIUM names a missing file.</exception>
    public static string? TryFind(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Existing(explicitPath, "The Chromium path passed to the chart export");

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.Equals(fromEnvironment?.Trim(), NoBrowser, StringComparison.OrdinalIgnoreCase))
            return null;
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Existing(fromEnvironment, $"The {EnvironmentVariable} environment variable");

        if (File.Exists(SystemChromium))
            return SystemChromium;

        var devcontainerBrowsers = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "deepfm-chrome");
        if (Directory.Exists(devcontainerBrowsers)
            && Directory.EnumerateFiles(devcontainerBrowsers, "chrome-headless-shell", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).LastOrDefault() is { } headlessShell)
            return headlessShell;

        return FindOnPath(Environment.GetEnvironmentVariable("PATH"));
    }

    /// <summary>The first of chromium, chromium-browser, google-chrome, google-chrome-stable in <paramref name="path"/>.</summary>
    public static string? FindOnPath(string? path)
    {
        var pathDirectories = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in NamesOnPath)
            foreach (var directory in pathDirectories)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }

    private static string Existing(string path, string source) =>
        File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new FileNotFoundException($"{source} names '{path}', which does not exist. {InstallHint}", path);
}
