namespace DeepFm.Notebook.Plots;

/// <summary>
/// Finds the Chromium (or Chrome) executable that renders charts to PNG. Looked up in this order: an explicit
/// path, the DEEPFM_CHROMIUM environment variable, /usr/bin/chromium, the headless Chrome the devcontainer's set-up
/// installs in <c>~/.cache/deepfm-chrome</c> (before PATH, because Ubuntu's chromium-browser is a snap stub that
/// cannot run in a container), then chromium, chromium-browser, google-chrome and google-chrome-stable on PATH.
/// Nothing is ever downloaded here: rendering stays offline.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>The environment variable that overrides where the browser is.</summary>
    public const string EnvironmentVariable = "DEEPFM_CHROMIUM";

    private const string InstallHint =
        "Install it with `apt-get install chromium` (Debian; Ubuntu's package is a snap stub that does not run in " +
        "containers: use the devcontainer, which installs a headless Chrome), or set " + EnvironmentVariable +
        " to the path of a Chromium or Chrome executable.";

    private static readonly string[] NamesOnPath = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// The browser executable to use. A path given explicitly or through DEEPFM_CHROMIUM must exist: it is
    /// reported rather than silently replaced by another browser.
    /// </summary>
    /// <exception cref="FileNotFoundException">No usable browser was found; the message says what to install.</exception>
    public static string Find(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Existing(explicitPath, "The Chromium path passed to the chart export");

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Existing(fromEnvironment, $"The {EnvironmentVariable} environment variable");

        if (File.Exists("/usr/bin/chromium"))
            return "/usr/bin/chromium";

        var devcontainerBrowsers = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "deepfm-chrome");
        if (Directory.Exists(devcontainerBrowsers)
            && Directory.EnumerateFiles(devcontainerBrowsers, "chrome-headless-shell", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).LastOrDefault() is { } headlessShell)
            return headlessShell;

        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in NamesOnPath)
            foreach (var directory in pathDirectories)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                    return candidate;
            }

        throw new FileNotFoundException(
            "No Chromium browser found to render charts as PNG (looked at " + EnvironmentVariable +
            ", /usr/bin/chromium, ~/.cache/deepfm-chrome and " + string.Join(", ", NamesOnPath) + " on PATH). " + InstallHint);
    }

    private static string Existing(string path, string source) =>
        File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new FileNotFoundException($"{source} names '{path}', which does not exist. {InstallHint}", path);
}
