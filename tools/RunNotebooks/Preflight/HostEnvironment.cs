namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// What the checks read from the machine: environment variables and the user's home folder. The real one reads the
/// process; tests pass a made-up one (no Chromium, no Jupyter on PATH, a DEEPFM_DATA that points nowhere).
/// </summary>
public sealed record HostEnvironment(Func<string, string?> Variable, string HomeFolder)
{
    /// <summary>The machine this process runs on.</summary>
    public static HostEnvironment Current { get; } = new(
        Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>A machine with exactly <paramref name="variables"/> set (anything else unset).</summary>
    public static HostEnvironment With(IReadOnlyDictionary<string, string> variables, string homeFolder) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, homeFolder);

    /// <summary>The value of <paramref name="name"/>, or null when it is unset or empty.</summary>
    public string? NonEmpty(string name) => Variable(name) is { Length: > 0 } value ? value : null;

    /// <summary>The folders on PATH.</summary>
    public IReadOnlyList<string> PathFolders =>
        (Variable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first <paramref name="name"/> executable found on PATH, or null.</summary>
    public string? FindOnPath(string name) =>
        PathFolders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
