using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// A DataFrame as an aligned text table for a terminal: the same rows and numbers as the notebooks' HTML table
/// (<see cref="DataFrameHtml"/>): at most <see cref="DataFrameHtml.DefaultMaxRows"/> rows with a line saying how many
/// more there are, numbers rounded by <see cref="TableNumbers"/> and aligned right, text aligned left.
/// </summary>
public static class DataFrameText
{
    private const string ColumnGap = "  ";

    /// <summary>The table's text, without a trailing line break.</summary>
    public static string Render(DataFrame frame, int maxRows = DataFrameHtml.DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        long rowCount = frame.Rows.Count;
        int shown = (int)Math.Min(rowCount, maxRows);
        var columns = frame.Columns.ToList();
        var cells = columns.Select(column => Enumerable.Range(0, shown)
            .Select(row => OneLine(TableNumbers.Format(column[row], column))).ToList()).ToList();
        var widths = columns.Select((column, index) =>
            cells[index].Select(Width).Prepend(Width(column.Name)).Max()).ToList();
        var numeric = columns.Select(DataFrameHtml.IsNumeric).ToList();

        var text = new StringBuilder();
        AppendLine(text, columns.Select(column => column.Name).ToList(), widths, numeric);
        text.AppendLine(string.Join(ColumnGap, widths.Select(width => new string('-', width))).TrimEnd());
        for (int row = 0; row < shown; row++)
            AppendLine(text, cells.Select(column => column[row]).ToList(), widths, numeric);
        if (rowCount > shown)
            text.Append("… ").Append((rowCount - shown).ToString("N0", CultureInfo.InvariantCulture))
                .Append(rowCount - shown == 1 ? " more row" : " more rows")
                .Append($" ({rowCount.ToString("N0", CultureInfo.InvariantCulture)} in all)").AppendLine();
        return text.ToString().TrimEnd('\r', '\n');
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> values, IReadOnlyList<int> widths,
        IReadOnlyList<bool> alignRight)
    {
        var padded = values.Select((value, index) =>
        {
            string padding = new(' ', widths[index] - Width(value));
            return alignRight[index] ? padding + value : value + padding;
        });
        text.AppendLine(string.Join(ColumnGap, padded).TrimEnd());
    }

    // A cell holding a line break would break the table's rows apart.
    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    // Characters as a terminal counts them: combining marks take no column (text elements, not UTF-16 units).
    private static int Width(string value) => new StringInfo(value).LengthInTextElements;

}
