using System.Security.Cryptography;

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

/// <summary>
/// Downloads ml-100k.zip and accepts it only if its size and SHA-256 are the published ones. The bytes go to a
/// temporary file beside the destination, which is moved into place after verification, so the destination never
/// holds a partial or wrong file. The <see cref="HttpClient"/> is passed in, so tests can serve bytes from a fake
/// <see cref="HttpMessageHandler"/>.
/// </summary>
public sealed class MovieLensDownloader(HttpClient http, Uri? source = null, long expectedSize = MovieLensDownloader.OfficialSize,
    string expectedSha256 = MovieLensDownloader.OfficialSha256)
{
    /// <summary>GroupLens' download address.</summary>
    public const string OfficialUrl = "https://files.grouplens.org/datasets/movielens/ml-100k.zip";

    /// <summary>Size in bytes of the official archive.</summary>
    public const long OfficialSize = 4_924_029;

    /// <summary>SHA-256 of the official archive, lower-case hex.</summary>
    public const string OfficialSha256 = "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229";

    /// <summary>Where the archive is downloaded from.</summary>
    public Uri Source { get; } = source ?? new Uri(OfficialUrl);

    /// <summary>Downloads to <paramref name="destinationPath"/>, reporting progress; returns that path.</summary>
    public async Task<string> DownloadAsync(string destinationPath, IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        string destination = Path.GetFullPath(destinationPath);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        string temporary = $"{destination}.{Guid.NewGuid():N}.part";
        try
        {
            (long size, string sha256) = await DownloadToAsync(temporary, progress, cancellation).ConfigureAwait(false);
            if (size != expectedSize || !string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new MovieLensDataException($"The download from {Source} is not the expected ml-100k.zip: got "
                    + $"{size:N0} bytes with SHA-256 {sha256}, expected {expectedSize:N0} bytes with SHA-256 {expectedSha256}. "
                    + "Nothing was saved. Retry later, or download the file yourself and "
                    + $"pass its path {MovieLensArchive.WhereNotebooksTakeThePath}.");
            }
            File.Move(temporary, destination, overwrite: true);
            return destination;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<(long Size, string Sha256)> DownloadToAsync(string temporary, IProgress<DownloadProgress>? progress,
        CancellationToken cancellation)
    {
        try
        {
            using HttpResponseMessage response = await http
                .GetAsync(Source, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new MovieLensDataException($"Downloading {Source} failed with HTTP {(int)response.StatusCode} "
                    + $"{response.ReasonPhrase}. Download ml-100k.zip yourself and "
                    + $"pass its path {MovieLensArchive.WhereNotebooksTakeThePath}.");
            }
            long? total = response.Content.Headers.ContentLength;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var buffer = new byte[81_920];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                received += read;
                progress?.Report(new DownloadProgress(received, total));
            }
            return (received, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (TaskCanceledException error) when (!cancellation.IsCancellationRequested)
        {
            throw new MovieLensDataException($"Downloading {Source} timed out. Retry, or download ml-100k.zip "
                + $"yourself and pass its path {MovieLensArchive.WhereNotebooksTakeThePath}.", error);
        }
        catch (HttpRequestException error)
        {
            throw new MovieLensDataException($"Downloading {Source} failed: {error.Message}. Check the network, or "
                + "download ml-100k.zip yourself and "
                + $"pass its path {MovieLensArchive.WhereNotebooksTakeThePath}.", error);
        }
    }
}

/// <summary>How far a download has got: bytes received and, when the server says, the total.</summary>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>Fraction done in 0..1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;

    /// <inheritdoc />
    public override string ToString() => TotalBytes is long total
        ? $"{BytesReceived / 1e6:F1} of {total / 1e6:F1} MB ({Fraction:P0})"
        : $"{BytesReceived / 1e6:F1} MB";
}
