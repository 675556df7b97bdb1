using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Plots;
using DeepFm.Notebook.Training;
using Plotly.NET;

namespace DeepFm.Notebook.Tests.Plots;

/// <summary>
/// One class on purpose: xunit runs a class's tests one after another, and the DEEPFM_CHROMIUM test changes an
/// environment variable the PNG export reads.
/// </summary>
public sealed partial class ChartExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("deepfm-plots-test-");

    public void Dispose() => folder.Delete(recursive: true);

    private static GenericChart AucChart()
    {
        var history = new TrainingHistory();
        for (var epoch = 1; epoch <= 30; epoch++)
            history.Add(new EpochRecord(epoch, 0.6 - 0.2 / epoch, 0.9 - 0.4 / epoch,
                epoch % 5 == 0 ? 0.62 - 0.1 / epoch : null, epoch % 5 == 0 ? 0.85 - 0.3 / epoch : null));
        return TrainingCharts.Auc(history);
    }

    /// <summary>Skips a test that needs a real browser when none is installed (CI installs Chromium, so it runs there).</summary>
    internal static void SkipWithoutBrowser()
    {
        if (ChromiumLocator.TryFind() is null)
            Assert.Skip("No Chromium to render PNGs with. " + ChromiumLocator.InstallHint);
    }

    [GeneratedRegex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptWithSource();

    [Fact]
    public void SaveHtml_writes_a_page_that_embeds_plotly_js_and_links_no_cdn()
    {
        var path = Path.Combine(folder.FullName, "charts", "deepfm_auc.html");
        var written = ChartExport.SaveHtml(AucChart(), path);

        Assert.Equal(path, written);
        var html = File.ReadAllText(path);
        Assert.DoesNotMatch(ScriptWithSource(), html); // no external script at all, CDN or otherwise
        Assert.DoesNotContain("cdn.plot.ly/plotly", html);
        Assert.Contains("plotly.js v", html); // the library's own banner: the code is inline
        Assert.Contains("Plotly.newPlot", html);
        Assert.True(html.Length > 1_000_000, $"inline plotly.js should make the page large, got {html.Length} chars");
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind

        var oneEpoch = new TrainingHistory();
        oneEpoch.Add(new EpochRecord(1, 0.69, 0.5, null, null));
        ChartExport.SaveHtml(TrainingCharts.Loss(oneEpoch), path); // overwrites in place
        Assert.Contains("log-loss", File.ReadAllText(path));
    }

    [Fact]
    public void SaveHtml_declares_utf8_so_a_browser_shows_plus_minus_as_written()
    {
        // Without <meta charset> Chromium reads a local file as Windows-1252: a title's "±" rendered as "Â±" in PNGs.
        var path = Path.Combine(folder.FullName, "plus-minus.html");
        var chart = RankingCharts.MetricByModel([("EASE", 0.35, 0.01)], title: "NDCG@10, mean ± sd");
        ChartExport.SaveHtml(chart, path);

        var html = File.ReadAllText(path);
        Assert.Matches(new Regex("<meta charset=\"utf-8\"", RegexOptions.IgnoreCase), html);
        Assert.Contains("mean ± sd", html);
    }

    [Fact]
    public void Saving_over_a_file_that_is_not_a_chart_is_refused_and_leaves_it_untouched()
    {
        var notAChart = Path.Combine(folder.FullName, "passwd");
        File.WriteAllText(notAChart, "root:x:0:0");

        var html = Assert.Throws<ChartSaveException>(() => ChartExport.SaveHtml(AucChart(), notAChart));
        var png = Assert.Throws<ChartSaveException>(() => ChartExport.SavePng(AucChart(), notAChart));

        Assert.Contains(notAChart, html.Message);
        Assert.Contains(".html", html.Message);
        Assert.Contains(".png", png.Message);
        Assert.Equal("root:x:0:0", File.ReadAllText(notAChart));
    }

    [Fact]
    public void Saving_where_nothing_can_be_written_names_the_path_and_what_to_do()
    {
        var blocker = Path.Combine(folder.FullName, "a-file");
        File.WriteAllText(blocker, "");
        var insideAFile = Path.Combine(blocker, "chart.html");   // a folder that cannot exist: its parent is a file
        var folderPath = Path.Combine(folder.FullName, "taken.html");
        Directory.CreateDirectory(folderPath);

        var unwritable = Assert.Throws<ChartSaveException>(() => ChartExport.SaveHtml(AucChart(), insideAFile));
        var aFolder = Assert.Throws<ChartSaveException>(() => ChartExport.SaveHtml(AucChart(), folderPath));

        Assert.Contains(insideAFile, unwritable.Message);
        Assert.Contains("Choose a folder you can write to", unwritable.Message);
        Assert.Contains("that is a folder", aFolder.Message);
        Assert.True(Directory.Exists(folderPath));
    }

    [Fact]
    public void SavePng_with_a_missing_browser_names_the_path_and_what_to_install()
    {
        var missing = Path.Combine(folder.FullName, "no-such-chromium");
        var error = Assert.Throws<FileNotFoundException>(() =>
            ChartExport.SavePng(AucChart(), Path.Combine(folder.FullName, "a.png"), chromiumPath: missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("apt-get install chromium", error.Message);
        Assert.Empty(folder.GetFiles());
    }

    [Fact]
    public void A_wrong_DEEPFM_CHROMIUM_is_reported_rather_than_silently_replaced()
    {
        var previous = Environment.GetEnvironmentVariable(ChromiumLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, "/nowhere/chromium");
            var error = Assert.Throws<FileNotFoundException>(() => ChromiumLocator.Find());
            Assert.Contains("DEEPFM_CHROMIUM", error.Message);
            Assert.Contains("/nowhere/chromium", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Without_a_browser_SavePng_keeps_the_committed_png_and_says_so_once()
    {
        var committed = Path.Combine(folder.FullName, "deepfm_auc.png");
        File.WriteAllBytes(committed, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var before = File.GetLastWriteTimeUtc(committed);
        var previousVariable = Environment.GetEnvironmentVariable(ChromiumLocator.EnvironmentVariable);
        var previousOut = Console.Out;
        var console = new StringWriter();
        try
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, ChromiumLocator.NoBrowser);
            Console.SetOut(console);

            Assert.Null(ChartExport.SavePng(AucChart(), committed));
            Assert.Null(ChartExport.SavePng(AucChart(), Path.Combine(folder.FullName, "other.png")));
            ChartExport.SaveHtml(AucChart(), Path.Combine(folder.FullName, "deepfm_auc.html")); // HTML still written
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, previousVariable);
        }

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], File.ReadAllBytes(committed));
        Assert.Equal(before, File.GetLastWriteTimeUtc(committed));
        Assert.False(File.Exists(Path.Combine(folder.FullName, "other.png")));
        Assert.True(File.Exists(Path.Combine(folder.FullName, "deepfm_auc.html")));
        // Once per process: another test may have printed it already, never twice.
        Assert.True(PngExportNotice.WasAnnounced);
        Assert.True(console.ToString().Split(PngExportNotice.Text).Length <= 2, console.ToString());
        Assert.Contains("apt-get install chromium", PngExportNotice.Text);
        Assert.Contains(ChromiumLocator.EnvironmentVariable, PngExportNotice.Text);
    }

    [Fact]
    public void An_empty_PATH_lookup_finds_no_browser()
    {
        Assert.Null(ChromiumLocator.FindOnPath(""));
        Assert.Null(ChromiumLocator.FindOnPath(null));
        Assert.Null(ChromiumLocator.FindOnPath(folder.FullName));
    }

    [Fact]
    public void SavePng_with_an_executable_that_is_no_browser_fails_clearly_and_writes_nothing()
    {
        var target = Path.Combine(folder.FullName, "a.png");
        var error = Assert.Throws<InvalidOperationException>(() =>
            ChartExport.SavePng(AucChart(), target, chromiumPath: "/bin/false"));

        Assert.Contains("without writing the screenshot", error.Message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_browser_that_hangs_is_stopped_at_the_timeout()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The stand-in browser is a POSIX shell script.");
            return;
        }
        // A stand-in "browser" that never renders: a script that just sleeps.
        var hanging = Path.Combine(folder.FullName, "hanging-browser.sh");
        File.WriteAllText(hanging, "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<TimeoutException>(() => ChartExport.SavePng(
            AucChart(), Path.Combine(folder.FullName, "a.png"), chromiumPath: hanging, timeout: TimeSpan.FromSeconds(1)));

        Assert.Contains("did not render", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.False(File.Exists(Path.Combine(folder.FullName, "a.png")));
    }

    [Fact]
    public void PngSize_refuses_a_file_that_is_not_a_png()
    {
        var path = Path.Combine(folder.FullName, "not.png");
        File.WriteAllText(path, "<html>definitely not a PNG image header</html>");
        Assert.Throws<InvalidDataException>(() => PngSize.Read(path));
    }

    [Fact]
    [Trait("Category", "Heavy")]
    public void SavePng_renders_a_png_of_the_requested_size_offline()
    {
        SkipWithoutBrowser();
        var path = Path.Combine(folder.FullName, "deepfm_auc.png");
        var clock = Stopwatch.StartNew();
        ChartExport.SavePng(AucChart(), path, width: 640, height: 400);
        output.WriteLine($"PNG export took {clock.Elapsed.TotalSeconds:0.0} s");

        // Checked here byte by byte rather than with PngSize, the helper the export itself relies on.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        // A blank 640×400 page compresses to about 2 KB; two curves, axes and labels take several times that.
        Assert.True(bytes.Length > 8_000, $"the PNG looks blank: {bytes.Length} bytes");
        Assert.Single(folder.GetFiles());

        var keep = Environment.GetEnvironmentVariable("DEEPFM_KEEP_TEST_PNG");
        if (!string.IsNullOrEmpty(keep))
            File.Copy(path, keep, overwrite: true);
    }
}
