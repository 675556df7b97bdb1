using System.Security.Cryptography;

namespace DeepFm.Notebook.Data;

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
