using Microsoft.Data.Analysis;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// Charts for looking at the data before modelling: how often each value of a column occurs (the rating
/// distribution, users per occupation), how a numeric column spreads (user age), and how many rows each key has
/// (ratings per user, ratings per movie). Counts are computed here, so the chart carries the counts rather than
/// all 100,000 rows.
/// </summary>
public static class DataCharts
{
    /// <summary>
    /// One bar per distinct non-null value of <paramref name="column"/>, its height the number of rows holding that
    /// value, bars ordered by value (1, 2, … 5 for ratings; alphabetical for text).
    /// </summary>
    public static GenericChart ValueCounts(DataFrameColumn column, string? title = null, string? xLabel = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        var counts = NonNullValues(column)
            .GroupBy(value => value)
            .OrderBy(group => group.Key, Comparer<object>.Default)
            .ToList();
        // Keys as text make a categorical axis: a bar per value, and no empty gap for values that never occur.
        var keys = counts.Select(group => Convert.ToString(group.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var bars = CS.Chart.Column<int, string, string>(counts.Select(group => group.Count()), Keys: keys.ToArray(), Name: column.Name);
        return bars.WithTitles(title ?? $"Rows per {column.Name}", xLabel ?? column.Name, "rows");
    }

    /// <summary>Histogram of a numeric column in about <paramref name="bins"/> bins (plotly.js chooses round edges).</summary>
    public static GenericChart Histogram(DataFrameColumn column, int bins = 30, string? title = null, string? xLabel = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        var values = NumericValues(column);
        return HistogramOf(values, bins, column.Name).WithTitles(
            title ?? $"Distribution of {column.Name}", xLabel ?? column.Name, "rows");
    }

    /// <summary>
    /// Histogram of how many rows each distinct key of <paramref name="keyColumn"/> has: for the user id column of
    /// the ratings, the number of ratings per user (MovieLens-100k: every user has at least 20).
    /// </summary>
    public static GenericChart CountsPerKey(
        DataFrameColumn keyColumn, int bins = 50, string? title = null, string? xLabel = null)
    {
        ArgumentNullException.ThrowIfNull(keyColumn);
        var rowsPerKey = NonNullValues(keyColumn).GroupBy(key => key).Select(group => (double)group.Count()).ToList();
        return HistogramOf(rowsPerKey, bins, $"rows per {keyColumn.Name}").WithTitles(
            title ?? $"Rows per {keyColumn.Name}", xLabel ?? $"rows per {keyColumn.Name}", $"number of {keyColumn.Name}s");
    }

    private static GenericChart HistogramOf(IReadOnlyCollection<double> values, int bins, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (values.Count == 0)
            throw new ArgumentException($"'{name}' has no non-null values to draw.");
        return CS.Chart.Histogram<double, double, string>(X: values.ToArray(), NBinsX: bins, Name: name);
    }

    private static IEnumerable<object> NonNullValues(DataFrameColumn column)
    {
        for (long row = 0; row < column.Length; row++)
            if (column[row] is { } value)
                yield return value;
    }

    private static List<double> NumericValues(DataFrameColumn column)
    {
        if (column.DataType == typeof(string) || column.DataType == typeof(bool) || column.DataType == typeof(char))
            throw new ArgumentException(
                $"Column '{column.Name}' holds {column.DataType.Name} values; a histogram needs numbers. " +
                "Use DataCharts.ValueCounts for categorical columns.", nameof(column));
        return NonNullValues(column)
            .Select(value => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }
}
