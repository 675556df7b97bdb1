using System.IO.Compression;

namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// The data is there and readable, or can be downloaded. A path given with <c>--data</c> or <c>DEEPFM_DATA</c> must
/// be ml-100k.zip or its extracted folder, holding u.data, u.item and u.user; with no local copy the official
/// server must answer, since notebook 01 downloads from it.
/// </summary>
/// <param name="source">Where the run will read the data (<see cref="DataSource.Resolve"/>).</param>
/// <param name="serverAnswers">Asks files.grouplens.org for the archive's headers; returns null when it answers, else why not.</param>
public sealed class DataCheck(DataSource source, Func<CancellationToken, Task<string?>> serverAnswers) : PreflightCheck
{
    private static readonly string[] RequiredFiles = ["u.data", "u.item", "u.user"];

    /// <inheritdoc/>
    public override string Name => "data";

    /// <inheritdoc/>
    public override async Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        if (source.Origin != DataOrigin.Download)
            return Problem(source.Path) is { } problem
                ? CheckResult.Failed(Name, $"{source.Named} names {source.Path}, which {problem}. {Remedy}")
                : CheckResult.Ok(Name, $"MovieLens-100k: {source.Path} (from {source.Named})");

        var unreachable = await serverAnswers(cancellation);
        return unreachable is null
            ? CheckResult.Ok(Name,
                $"MovieLens-100k: no local copy; notebook 01 downloads it (4.9 MB) from {DataSource.DownloadUrl} into {source.Path}")
            : CheckResult.Failed(Name,
                $"MovieLens-100k: no local copy (no --data, {NotebookEnvironment.DataVariable} unset, no ../shared/data/ml-100k.zip " +
                $"beside the repository, nothing at {source.Path}) and {DataSource.DownloadUrl} cannot be reached " +
                $"({unreachable}). {Remedy}");
    }

    /// <summary>Asks the official server for the archive's headers (a HEAD request, 10 s at most).</summary>
    public static async Task<string?> AskOfficialServerAsync(CancellationToken cancellation)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Head, DataSource.DownloadUrl);
            using var response = await http.SendAsync(request, cancellation);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return error.Message;
        }
    }

    /// <summary>Null when <paramref name="path"/> holds MovieLens-100k, else what is wrong ("does not exist", …).</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            var nested = Path.Combine(path, "ml-100k");
            var folder = !File.Exists(Path.Combine(path, "u.data")) && Directory.Exists(nested) ? nested : path;
            var missing = RequiredFiles.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
            return missing.Count == 0 ? null : $"is a folder without {string.Join(", ", missing)}";
        }
        if (!File.Exists(path))
            return "does not exist";
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
            var missing = RequiredFiles.Where(name => !names.Contains(name)).ToList();
            return missing.Count == 0 ? null : $"is a zip without {string.Join(", ", missing)}";
        }
        catch (InvalidDataException)
        {
            return "is neither a folder nor a zip archive";
        }
    }

    private const string Remedy =
        "Pass the path of ml-100k.zip (or of its extracted folder) with --data PATH or DEEPFM_DATA=PATH, " +
        "or unset them to use ../shared/data/ml-100k.zip beside the repository or the download cache.";
}
