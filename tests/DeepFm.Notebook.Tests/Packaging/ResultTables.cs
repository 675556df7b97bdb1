using System.Net;
using System.Text.RegularExpressions;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>A table as a reader sees it: header cells and rows of cell texts, all normalised.</summary>
internal sealed record ResultTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The cell of <paramref name="row"/> under <paramref name="column"/>, or null if there is no such column.</summary>
    public string? Cell(IReadOnlyList<string> row, string column)
    {
        int position = Header.ToList().IndexOf(column);
        return position >= 0 && position < row.Count ? row[position] : null;
    }
}

/// <summary>
/// Reads the tables the README-claims tests compare: Markdown tables of the README that follow a
/// <c>&lt;!-- checked: notebooks/NAME.ipynb --&gt;</c> marker, and the HTML tables of a notebook's outputs.
/// Cell texts are compared as a reader sees them: without Markdown emphasis or HTML tags, entities decoded,
/// whitespace collapsed.
/// </summary>
internal static partial class ResultTables
{
    /// <summary>Each checked README table with the notebook its marker names (e.g. "04-train-eval.ipynb").</summary>
    public static IReadOnlyList<(string Notebook, ResultTable Table)> CheckedReadmeTables(string markdown)
    {
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var tables = new List<(string, ResultTable)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var marker = CheckedMarker().Match(lines[i]);
            if (!marker.Success) continue;
            var tableLines = lines.Skip(i + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(IsTableRow).ToList();
            var header = MarkdownCells(tableLines.FirstOrDefault() ?? "");
            var rows = tableLines.Skip(2).Select(MarkdownCells).ToList(); // line 2 is the |---| separator
            tables.Add((marker.Groups["notebook"].Value, new ResultTable(header, rows)));
        }
        return tables;
    }

    /// <summary>
    /// Columns that hold a timing (<c>train_s</c>, <c>seconds</c>, <c>time</c>, <c>examples/s</c>…): they change on
    /// every run, so they are never compared; only numbers a seed fixes are.
    /// </summary>
    public static bool IsTiming(string column)
    {
        string name = column.Trim().ToLowerInvariant();
        return name.EndsWith("_s", StringComparison.Ordinal) || name.EndsWith("/s", StringComparison.Ordinal)
            || name.Contains("second", StringComparison.Ordinal) || name.Contains("time", StringComparison.Ordinal)
            || name.Contains("minute", StringComparison.Ordinal) || name.EndsWith("_ms", StringComparison.Ordinal);
    }

    /// <summary>
    /// How <paramref name="readme"/> differs from <paramref name="output"/>: for each README row, the output row with
    /// the same first cell must hold the same text in every column the README shows, timing columns excepted.
    /// </summary>
    public static IEnumerable<string> Differences(ResultTable readme, ResultTable output)
    {
        string key = readme.Header[0];
        foreach (var row in readme.Rows)
        {
            var match = output.Rows.FirstOrDefault(candidate => output.Cell(candidate, key) == row[0]);
            if (match is null)
            {
                yield return $"  no output row with {key} = '{row[0]}'";
                continue;
            }
            foreach (var column in readme.Header.Skip(1).Where(column => !IsTiming(column)))
            {
                string? quoted = readme.Cell(row, column), printed = output.Cell(match, column);
                if (quoted != printed) yield return $"  {row[0]} / {column}: README '{quoted}', output '{printed}'";
            }
        }
    }

    /// <summary>Every HTML table in <paramref name="html"/> (one output's text/html).</summary>
    public static IEnumerable<ResultTable> HtmlTables(string html)
    {
        foreach (Match table in HtmlTable().Matches(html))
        {
            var rows = HtmlRow().Matches(table.Value)
                .Select(row => (IReadOnlyList<string>)HtmlCell().Matches(row.Value)
                    .Select(cell => Normalise(WebUtility.HtmlDecode(Tag().Replace(cell.Groups["text"].Value, " "))))
                    .ToList())
                .Where(cells => cells.Count > 0)
                .ToList();
            if (rows.Count > 0) yield return new ResultTable(rows[0], rows.Skip(1).ToList());
        }
    }

    /// <summary>Removes Markdown emphasis and collapses whitespace, so "**0.7657**" and "0.7657" compare equal.</summary>
    public static string Normalise(string text) => Whitespace().Replace(text.Replace("**", "").Replace("`", ""), " ").Trim();

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    private static IReadOnlyList<string> MarkdownCells(string row) =>
        row.Trim().Trim('|').Split('|').Select(Normalise).ToList();

    [GeneratedRegex(@"<!--\s*checked:\s*notebooks/(?<notebook>[\w.-]+\.ipynb)")]
    private static partial Regex CheckedMarker();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTable();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"<t[hd]\b[^>]*>(?<text>.*?)</t[hd]>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
