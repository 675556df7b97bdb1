namespace DeepFm.Notebook.Data;

/// <summary>
/// Finds MovieLens-100k in this order: an explicit path (a zip or an extracted folder), else <c>ml-100k.zip</c> in the
/// cache folder, else it downloads the archive into the cache (verified, see <see cref="MovieLensDownloader"/>). The
/// <c>DEEPFM_DATA</c> environment variable is read at the edge (<c>NotebookParameters.DataPath</c>, the benchmark,
/// the sample) and arrives here as the explicit path. The cache folder is
/// <c>$XDG_CACHE_HOME/deepfm-notebooks</c> when that variable is set, else <c>DeepFm.Notebooks</c> under the user's
/// local application data folder; a <c>cacheDirectory</c> argument overrides both.
/// </summary>
public static class MovieLensArchive
{
    /// <summary>The archive's file name in the cache.</summary>
    public const string ZipFileName = "ml-100k.zip";

    /// <summary>
    /// Where an error message says a notebook reader gives a local copy: the library takes a path, the notebooks
    /// take it from their parameters cell, which reads DEEPFM_DATA.
    /// </summary>
    internal const string WhereNotebooksTakeThePath =
        "(the notebooks: set DEEPFM_DATA or dataPath in the parameters cell)";

    /// <summary>The default cache folder.</summary>
    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdgCache
            ? Path.Combine(xdgCache, "deepfm-notebooks")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.Create), "DeepFm.Notebooks");

    /// <summary>
    /// Reads the files from the first place that has them (see the class summary), downloading if needed.
    /// <paramref name="log"/> receives one line saying where the data came from, and download progress.
    /// </summary>
    public static MovieLensFiles Open(string? path = null, TextWriter? log = null, string? cacheDirectory = null,
        HttpClient? http = null)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            log?.WriteLine($"MovieLens-100k: reading {ShortPath(path)}");
            return MovieLensFiles.Read(path);
        }
        string cached = Path.Combine(cacheDirectory ?? DefaultCacheDirectory, ZipFileName);
        if (!File.Exists(cached))
        {
            EnsureDownloadedAsync(cached, http, log).GetAwaiter().GetResult();
        }
        log?.WriteLine($"MovieLens-100k: reading {ShortPath(cached)}");
        return MovieLensFiles.Read(cached);
    }

    /// <summary>Downloads the official archive to <paramref name="zipPath"/> unless it is already there.</summary>
    public static async Task<string> EnsureDownloadedAsync(string zipPath, HttpClient? http = null, TextWriter? log = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (File.Exists(zipPath))
        {
            return zipPath;
        }
        using HttpClient? owned = http is null ? new HttpClient { Timeout = TimeSpan.FromMinutes(10) } : null;
        var downloader = new MovieLensDownloader(http ?? owned!);
        log?.WriteLine($"MovieLens-100k: downloading {downloader.Source} to {ShortPath(zipPath)}");
        var lines = new TenthsLogger(log, progress);
        return await downloader.DownloadAsync(zipPath, lines, cancellation).ConfigureAwait(false);
    }

    /// <summary>Forwards progress and writes a text line at each further tenth of the download.</summary>
    private sealed class TenthsLogger(TextWriter? log, IProgress<DownloadProgress>? inner) : IProgress<DownloadProgress>
    {
        private int lastTenth = -1;

        public void Report(DownloadProgress value)
        {
            inner?.Report(value);
            int tenth = (int)Math.Floor((value.Fraction ?? 0) * 10);
            if (log is not null && tenth > lastTenth)
            {
                lastTenth = tenth;
                log.WriteLine($"  {value}");
            }
        }
    }

    /// <summary>
    /// A path as a reader would type it: relative to the current folder when close by (<c>../shared/data/ml-100k.zip</c>),
    /// else with the home folder as <c>~</c>. Log lines end up in committed notebook outputs, which must not carry
    /// a machine's absolute paths.
    /// </summary>
    internal static string ShortPath(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        if (!Path.IsPathRooted(relative) && !relative.StartsWith(Path.Combine("..", "..", ".."), StringComparison.Ordinal))
            return relative;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && full.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? "~" + full[home.Length..]
            : full;
    }
}
