namespace DeepFm.RunNotebooks.Preflight;

/// <summary>Where the data of a run comes from.</summary>
public enum DataOrigin
{
    /// <summary>The runner's <c>--data</c> option.</summary>
    Option,

    /// <summary>The <c>DEEPFM_DATA</c> environment variable.</summary>
    Variable,

    /// <summary><c>../shared/data/ml-100k.zip</c> beside the repository (CI and the team's machines).</summary>
    SharedBeside,

    /// <summary>The library's download cache, from an earlier download.</summary>
    Cache,

    /// <summary>Nowhere yet: the first notebook downloads the official archive into the cache.</summary>
    Download,
}

/// <summary>
/// Where the notebooks of a run will read MovieLens-100k from, looked up in this order: <c>--data</c>,
/// <c>DEEPFM_DATA</c>, <c>../shared/data/ml-100k.zip</c> beside the repository, the library's download cache
/// (as <c>MovieLensArchive</c> finds it), else a download.
/// </summary>
/// <param name="Path">The zip or folder (absolute), or the cache file a download will create.</param>
/// <param name="Origin">Which of the places it is.</param>
public sealed record DataSource(string Path, DataOrigin Origin)
{
    /// <summary>The official archive the library downloads.</summary>
    public const string DownloadUrl = "https://files.grouplens.org/datasets/movielens/ml-100k.zip";

    /// <summary>How the reader names this place in a message: "--data", "DEEPFM_DATA", …</summary>
    public string Named => Origin switch
    {
        DataOrigin.Option => "--data",
        DataOrigin.Variable => NotebookEnvironment.DataVariable,
        DataOrigin.SharedBeside => "../shared/data beside the repository",
        DataOrigin.Cache => "the download cache",
        _ => "a download from files.grouplens.org",
    };

    /// <summary>
    /// The value the runner gives the notebooks as DEEPFM_DATA: an absolute path (the kernel runs in
    /// <c>notebooks/</c>, so a path relative to the root would not resolve), or null to let the library use its cache.
    /// </summary>
    public string? VariableForNotebooks => Origin is DataOrigin.Cache or DataOrigin.Download ? null : Path;

    /// <summary>Finds the data for a run (see the class summary); <paramref name="dataOption"/> is <c>--data</c>, if given.</summary>
    public static DataSource Resolve(string? dataOption, HostEnvironment host, RepositoryLayout layout)
    {
        if (!string.IsNullOrWhiteSpace(dataOption))
            return new DataSource(System.IO.Path.GetFullPath(dataOption), DataOrigin.Option);
        if (host.NonEmpty(NotebookEnvironment.DataVariable) is { } fromVariable)
            return new DataSource(System.IO.Path.GetFullPath(fromVariable), DataOrigin.Variable);
        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(layout.Root, "..", "shared", "data", "ml-100k.zip"));
        if (File.Exists(beside))
            return new DataSource(beside, DataOrigin.SharedBeside);
        var cached = System.IO.Path.Combine(CacheFolder(host), "ml-100k.zip");
        return new DataSource(cached, File.Exists(cached) ? DataOrigin.Cache : DataOrigin.Download);
    }

    /// <summary>
    /// The library's cache folder: <c>$XDG_CACHE_HOME/deepfm-notebooks</c>, else <c>DeepFm.Notebooks</c> in the
    /// local application data folder (<c>~/.local/share</c> on Linux). Mirrors <c>MovieLensArchive.DefaultCacheDirectory</c>.
    /// </summary>
    public static string CacheFolder(HostEnvironment host) =>
        host.NonEmpty("XDG_CACHE_HOME") is { } xdgCache
            ? System.IO.Path.Combine(xdgCache, "deepfm-notebooks")
            : System.IO.Path.Combine(LocalApplicationData(host), "DeepFm.Notebooks");

    // .NET's LocalApplicationData on Unix: $XDG_DATA_HOME, else ~/.local/share.
    private static string LocalApplicationData(HostEnvironment host) =>
        OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : host.NonEmpty("XDG_DATA_HOME") ?? System.IO.Path.Combine(host.HomeFolder, ".local", "share");
}
