using System.Text.RegularExpressions;
using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The committed notebooks read well where nothing runs: tables show their rows without a script, and code fits a
/// 120-character line (GitHub, VS Code and Jupyter then show it without horizontal scrolling).
/// </summary>
public sealed partial class CommittedReadabilityTests
{
    private const int MaximumLineLength = 120;

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(CommittedNotebooks))]
    public void NoTableNeedsAScriptToShowItsRows(string notebook)
    {
        foreach (var (cell, index) in Cells(notebook))
        {
            foreach (var html in Outputs(cell).Select(MimeBundle).Select(data => Text(data?["text/html"])).Where(IsTable))
            {
                // .NET Interactive's default DataFrame view hides every row (display: none) until its pager script runs.
                var hidden = ScriptOnlyMarkup().Match(html);
                Assert.False(hidden.Success,
                    $"{notebook}: the table in code cell {index} holds '{hidden.Value}': without JavaScript its rows stay "
                    + "hidden. Tables must be plain HTML.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(CommittedNotebooks))]
    public void EveryCodeLineFitsIn120Characters(string notebook)
    {
        foreach (var (cell, index) in Cells(notebook).Where(pair => IsCode(pair.Cell)))
        {
            var tooLong = Lines(Source(cell)).Where(line => line.Length > MaximumLineLength).ToList();
            Assert.True(tooLong.Count == 0,
                $"{notebook}: code cell {index} has {tooLong.Count} line(s) over {MaximumLineLength} characters, e.g. "
                + $"({tooLong.FirstOrDefault()?.Length}) {tooLong.FirstOrDefault()}");
        }
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(CommittedNotebooks))]
    public void MarkdownProseLinesFitIn120Characters(string notebook)
    {
        // Table rows and display formulas cannot be wrapped in Markdown, and a link's address is not read as prose,
        // so those are measured without it; every other markdown line is held to the code's limit.
        foreach (var (cell, index) in Cells(notebook).Where(pair => IsMarkdown(pair.Cell)))
        {
            var tooLong = Lines(Source(cell))
                .Where(line => !line.TrimStart().StartsWith('|') && !line.TrimStart().StartsWith("$$", StringComparison.Ordinal))
                .Where(line => LinkTarget().Replace(line, "]()").Length > MaximumLineLength)
                .ToList();
            Assert.True(tooLong.Count == 0,
                $"{notebook}: markdown cell {index} has a prose line over {MaximumLineLength} characters: {tooLong.FirstOrDefault()}");
        }
    }

    private static bool IsTable(string html) => html.Contains("<table", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Lines(string source) => source.Split('\n').Select(line => line.TrimEnd('\r'));

    [GeneratedRegex(@"display\s*:\s*none|<script\b|<button\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOnlyMarkup();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkTarget();
}
