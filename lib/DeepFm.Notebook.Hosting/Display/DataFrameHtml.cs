using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// A DataFrame as a plain HTML <c>&lt;table&gt;</c>: every shown row is in the markup (no script-driven pager, so a
/// viewer that runs no JavaScript shows the rows), at most <see cref="DefaultMaxRows"/> rows with a line saying how
/// many more there are, numbers rounded by <see cref="TableNumbers"/>.
/// </summary>
public static class DataFrameHtml
{
    /// <summary>Rows shown before the table is cut: about one screen.</summary>
    public const int DefaultMaxRows = 25;

    /// <summary>The table's HTML.</summary>
    public static string Render(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        long rowCount = frame.Rows.Count;
        long shown = Math.Min(rowCount, maxRows);
        var columns = frame.Columns;
        var html = new StringBuilder("<table>");
        html.Append("<thead><tr>");
        foreach (var column in columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (long row = 0; row < shown; row++)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                bool number = IsNumeric(column);
                html.Append(number ? "<td style=\"text-align: right;\">" : "<td>")
                    .Append(WebUtility.HtmlEncode(TableNumbers.Format(column[row], column)))
                    .Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (rowCount > shown)
            html.Append("<p>… ").Append((rowCount - shown).ToString("N0", CultureInfo.InvariantCulture))
                .Append(rowCount - shown == 1 ? " more row" : " more rows")
                .Append($" ({rowCount.ToString("N0", CultureInfo.InvariantCulture)} in all)</p>");
        return html.ToString();
    }

    /// <summary>Numbers are right-aligned, in the HTML tables and in scripts' text tables (<see cref="DataFrameText"/>).</summary>
    internal static bool IsNumeric(DataFrameColumn column) =>
        column.DataType == typeof(double) || column.DataType == typeof(float) || column.DataType == typeof(int) ||
        column.DataType == typeof(long) || column.DataType == typeof(short) || column.DataType == typeof(decimal) ||
        column.DataType == typeof(byte) || column.DataType == typeof(uint) || column.DataType == typeof(ulong);
}
