using DeepFm.Notebook.Hosting;
using Plotly.NET;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// Saves charts as files that open without a network: HTML with plotly.js embedded inline (about 3.6 MB per file,
/// instead of Plotly.NET's default script tag pointing at a CDN) and PNG rendered by a local headless Chromium
/// (the rendering itself is host plumbing: <see cref="ChartPng"/>). Every file is written to a temporary name first and
/// then moved into place, so an interrupted export never leaves a half-written chart behind.
/// </summary>
/// <remarks>
/// Without a browser, <see cref="SavePng"/> writes nothing, keeps the PNG already at the path (the committed one) and
/// the run prints one line saying how to get the pictures (<see cref="PngExportNotice"/>); the run goes on.
/// </remarks>
public static class ChartExport
{
    /// <summary>How long a PNG export may take before the browser is stopped.</summary>
    public static readonly TimeSpan DefaultPngTimeout = ChartPng.DefaultTimeout;

    /// <summary>The chart as one HTML document that carries plotly.js itself.</summary>
    public static string ToSelfContainedHtml(GenericChart chart) => ChartPng.ToSelfContainedHtml(chart);

    /// <summary>Writes <see cref="ToSelfContainedHtml"/> to <paramref name="path"/>; returns the full path.</summary>
    /// <exception cref="ChartSaveException">The path does not end in .html/.htm, or cannot be written.</exception>
    public static string SaveHtml(GenericChart chart, string path)
    {
        RequireExtension(path, ".html", ".htm");
        var html = ToSelfContainedHtml(chart);
        return WriteAtomically(path, temporaryPath => File.WriteAllText(temporaryPath, html));
    }

    /// <summary>
    /// Renders the chart to a <paramref name="width"/> × <paramref name="height"/> PNG at <paramref name="path"/>
    /// with a local Chromium (<paramref name="chromiumPath"/>, else found by <see cref="ChromiumLocator"/>) and
    /// returns the full path; returns null, writing nothing, when no browser is installed.
    /// </summary>
    /// <exception cref="FileNotFoundException"><paramref name="chromiumPath"/> or DEEPFM_CHROMIUM names a missing file.</exception>
    /// <exception cref="ChartSaveException">The path does not end in .png, or cannot be written.</exception>
    public static string? SavePng(
        GenericChart chart, string path, int width = 800, int height = 500, string? chromiumPath = null,
        TimeSpan? timeout = null)
    {
        RequireExtension(path, ".png");
        var png = ChartPng.TryRender(chart, width, height, chromiumPath, timeout);
        return png is null ? null : WriteAtomically(path, temporaryPath => File.WriteAllBytes(temporaryPath, png));
    }

    // A chart only ever replaces a chart: a path with another extension (a typo, or '/etc/passwd') is refused before
    // anything is written, since the final rename would silently replace whatever file is there.
    private static void RequireExtension(string path, params string[] extensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
            throw new ChartSaveException(
                $"Cannot save the chart to '{path}': the file name must end in {string.Join(" or ", extensions)} " +
                "(a chart only replaces a chart). Pass a path such as assets/my_chart" + extensions[0] + ".");
    }

    /// <summary>Writes through a temporary file in the target folder, then renames it onto the final path.</summary>
    private static string WriteAtomically(string path, Action<string> writeTemporaryFile)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        // Same folder, hence same file system: the final move is a rename, which readers see all at once.
        var temporaryPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (Directory.Exists(fullPath))
                throw new ChartSaveException($"Cannot save the chart to '{fullPath}': that is a folder. Give a file name inside it.");
            Directory.CreateDirectory(directory);
            writeTemporaryFile(temporaryPath);
            File.Move(temporaryPath, fullPath, overwrite: true);
            return fullPath;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ChartSaveException(
                $"Cannot save the chart to '{fullPath}': {error.Message} Choose a folder you can write to " +
                "(the notebooks use assets/, or set DEEPFM_ASSETS), or free the file if another program holds it.", error);
        }
        finally
        {
            if (File.Exists(temporaryPath))
                File.Delete(temporaryPath);
        }
    }
}
