using System.Globalization;
using System.Text;
using Plotly.NET;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Writes the charts a script shows into its output folder: each as self-contained HTML (plotly.js inside, opens
/// offline), and as PNG when a Chromium is found (<see cref="ChromiumLocator"/>; without one the run says so once,
/// <see cref="PngExportNotice"/>). Files are named after the chart's title, else by their order in the run.
/// </summary>
public sealed class ScriptCharts(string folder)
{
    private readonly HashSet<string> usedNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder the charts are written to (created with the first chart).</summary>
    public string Folder { get; } = folder;

    /// <summary>Writes <paramref name="chart"/> and returns the full paths of the files written (HTML, then PNG).</summary>
    public IReadOnlyList<string> Save(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Directory.CreateDirectory(Folder);
        string name = UniqueName(FileNameOf(TitleOf(chart)) ?? $"chart-{usedNames.Count + 1}");
        var written = new List<string>();
        string htmlPath = Path.Combine(Folder, name + ".html");
        File.WriteAllText(htmlPath, ChartPng.ToSelfContainedHtml(chart));
        written.Add(htmlPath);
        var (width, height) = ChartPng.SizeOf(chart);
        if (ChartPng.TryRender(chart, width, height) is { } png)
        {
            string pngPath = Path.Combine(Folder, name + ".png");
            File.WriteAllBytes(pngPath, png);
            written.Add(pngPath);
        }
        return written;
    }

    private string UniqueName(string name)
    {
        string unique = name;
        for (int copy = 2; !usedNames.Add(unique); copy++)
            unique = $"{name}-{copy}";
        return unique;
    }

    /// <summary>The chart's title text, when its layout has one.</summary>
    private static string? TitleOf(GenericChart chart) =>
        GenericChart.getLayout(chart).TryGetPropertyValue("title") is { } title &&
        title.Value is DynamicObj.DynamicObj titleObject &&
        titleObject.TryGetPropertyValue("text") is { } text
            ? text.Value as string
            : null;

    /// <summary>"AUC vs epoch" → "auc-vs-epoch": letters and digits, runs of anything else as one dash.</summary>
    public static string? FileNameOf(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var name = new StringBuilder();
        foreach (char character in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character))
                name.Append(char.ToLowerInvariant(character));
            else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark &&
                     name.Length > 0 && name[^1] != '-')
                name.Append('-');
        }
        string result = name.ToString().Trim('-');
        return result.Length == 0 ? null : result[..Math.Min(result.Length, 60)].TrimEnd('-');
    }
}
