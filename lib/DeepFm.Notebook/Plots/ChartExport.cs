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
    public static string SaveHtml(GenericChart chart, string path)
    {
        var html = ToSelfContainedHtml(chart);
        return WriteAtomically(path, temporaryPath => File.WriteAllText(temporaryPath, html));
    }

    /// <summary>
    /// Renders the chart to a <paramref name="width"/> × <paramref name="height"/> PNG at <paramref name="path"/>
    /// with a local Chromium (<paramref name="chromiumPath"/>, else found by <see cref="ChromiumLocator"/>) and
    /// returns the full path; returns null, writing nothing, when no browser is installed.
    /// </summary>
    /// <exception cref="FileNotFoundException"><paramref name="chromiumPath"/> or DEEPFM_CHROMIUM names a missing file.</exception>
    public static string? SavePng(
        GenericChart chart, string path, int width = 800, int height = 500, string? chromiumPath = null,
        TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var png = ChartPng.TryRender(chart, width, height, chromiumPath, timeout);
        return png is null ? null : WriteAtomically(path, temporaryPath => File.WriteAllBytes(temporaryPath, png));
    }

    /// <summary>Writes through a temporary file in the target folder, then renames it onto the final path.</summary>
    private static string WriteAtomically(string path, Action<string> writeTemporaryFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        // Same folder, hence same file system: the final move is a rename, which readers see all at once.
        var temporaryPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporaryFile(temporaryPath);
            File.Move(temporaryPath, fullPath, overwrite: true);
            return fullPath;
        }
        finally
        {
            if (File.Exists(temporaryPath))
                File.Delete(temporaryPath);
        }
    }
}
