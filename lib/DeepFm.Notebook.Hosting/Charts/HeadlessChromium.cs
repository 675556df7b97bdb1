using System.Diagnostics;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Takes a screenshot of a local HTML page with Chromium's own command line (<c>--headless --screenshot</c>):
/// one process, no browser driver, no network. The flags keep it from hanging on this kind of machine (no GPU,
/// no sandbox in containers, no first-run or sync or update traffic) and a fresh profile directory per run keeps
/// concurrent exports from fighting over one profile lock.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>
    /// Renders <paramref name="htmlPath"/> in a <paramref name="width"/> × <paramref name="height"/> window and
    /// writes the screenshot to <paramref name="pngPath"/>.
    /// </summary>
    /// <exception cref="TimeoutException">Chromium did not finish in <paramref name="timeout"/>; it is killed.</exception>
    /// <exception cref="InvalidOperationException">Chromium ended without writing the screenshot.</exception>
    public static void Screenshot(string browserPath, string htmlPath, string pngPath, int width, int height, TimeSpan timeout)
    {
        var profileDirectory = Directory.CreateTempSubdirectory("deepfm-chromium-profile-");
        var start = new ProcessStartInfo(browserPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                     // Virtual time lets the page's scripts (plotly.js drawing) settle before the capture,
                     // without waiting that long in real time.
                     "--virtual-time-budget=5000",
                     $"--user-data-dir={profileDirectory.FullName}",
                     $"--window-size={width},{height}",
                     $"--screenshot={Path.GetFullPath(pngPath)}",
                     new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                 })
            start.ArgumentList.Add(flag);

        var log = new BoundedLog(maxLines: 20);
        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start '{browserPath}'.");
            process.OutputDataReceived += (_, line) => log.Add(line.Data);
            process.ErrorDataReceived += (_, line) => log.Add(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(
                    $"Chromium ('{browserPath}') did not render '{htmlPath}' within {timeout.TotalSeconds:0} s and was " +
                    $"stopped. Its last output:{Environment.NewLine}{log}");
            }
            // Lets the last redirected lines arrive, bounded: a helper process Chromium leaves behind may hold
            // the output pipe open, and the unbounded WaitForExit() would then wait for it.
            process.WaitForExit(TimeSpan.FromSeconds(5));
            if (!File.Exists(pngPath) || new FileInfo(pngPath).Length == 0)
                throw new InvalidOperationException(
                    $"'{browserPath}' exited with code {process.ExitCode} without writing the screenshot " +
                    $"'{pngPath}'. Is it a Chromium or Chrome executable? Its last output:{Environment.NewLine}{log}");
        }
        finally
        {
            try { profileDirectory.Delete(recursive: true); }
            // A browser helper that is still exiting can hold files for a moment; a leftover temp folder is harmless.
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The last lines a process printed, without the D-Bus noise Chromium prints in containers.</summary>
    private sealed class BoundedLog(int maxLines)
    {
        private readonly Queue<string> lines = new();

        public void Add(string? line)
        {
            if (string.IsNullOrWhiteSpace(line) || line.Contains("dbus", StringComparison.OrdinalIgnoreCase))
                return;
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > maxLines)
                    lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (lines)
                return lines.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, lines);
        }
    }
}
