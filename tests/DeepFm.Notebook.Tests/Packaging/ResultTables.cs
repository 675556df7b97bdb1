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
