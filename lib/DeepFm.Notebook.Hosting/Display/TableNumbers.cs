using System.Collections.Concurrent;
using System.Globalization;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// How numbers are written in notebook tables: rounded to what they mean, never in a computer's raw form
/// (<c>4.0511736115234434E-05</c>, a 17-digit AUC).
/// </summary>
/// <remarks>
/// A column whose name mentions <c>auc</c>, <c>loss</c> or a metric at k (<c>precision@10</c>) gets 4 decimals; one that
/// mentions <c>seconds</c> or ends in <c>_s</c> (<c>train_s</c>) gets 1, so a column's digits line up (0.0690 beside
/// 0.0711, 5.0 beside 12.2). <see cref="SetDecimals"/> chooses for any other column name. Everything else keeps at most 4 significant decimals:
/// 0.6931472 → 0.6931, 123.456789 → 123.4568, 0.0000405117 → 0.00004051, 84832 → 84832.
/// </remarks>
public static class TableNumbers
{
    private static readonly ConcurrentDictionary<string, int> ChosenDecimals = new(StringComparer.OrdinalIgnoreCase);

    private static readonly (string Fragment, int Decimals)[] ByMeaning = [("auc", 4), ("loss", 4), ("@", 4), ("seconds", 1)];

    private const string SecondsSuffix = "_s";

    /// <summary>Writes every number of columns called <paramref name="columnName"/> with <paramref name="decimals"/> decimals.</summary>
    public static void SetDecimals(string columnName, int decimals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        ChosenDecimals[columnName] = decimals;
    }

    /// <summary>The decimals for <paramref name="columnName"/>: chosen, else by meaning, else null (significant digits).</summary>
    public static int? DecimalsFor(string? columnName)
    {
        if (string.IsNullOrEmpty(columnName)) return null;
        if (ChosenDecimals.TryGetValue(columnName, out int chosen)) return chosen;
        foreach (var (fragment, decimals) in ByMeaning)
            if (columnName.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                return decimals;
        return columnName.EndsWith(SecondsSuffix, StringComparison.OrdinalIgnoreCase) ? 1 : null;
    }

    /// <summary><paramref name="value"/> as a table cell of column <paramref name="columnName"/> shows it.</summary>
    public static string Format(object? value, string? columnName = null) => value switch
    {
        null => "",
        double number => Format(number, DecimalsFor(columnName)),
        float number => Format(number, DecimalsFor(columnName)),
        decimal number => Format((double)number, DecimalsFor(columnName)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary><paramref name="value"/> with <paramref name="decimals"/> decimals, else 4 decimals (4 significant below 1).</summary>
    public static string Format(double value, int? decimals = null)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return value.ToString(CultureInfo.InvariantCulture);
        if (decimals is int fixedDecimals)
            return value.ToString("F" + fixedDecimals, CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(value);
        if (magnitude == 0 || magnitude >= 1)
            return magnitude < 1e15
                ? value.ToString("0.####", CultureInfo.InvariantCulture)
                : value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        // Below 1: four significant digits after the leading zeros, in fixed notation (down to 1e-12).
        int leadingZeros = -(int)Math.Floor(Math.Log10(magnitude)) - 1;
        return leadingZeros > 11
            ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : value.ToString("0." + new string('0', leadingZeros) + "####", CultureInfo.InvariantCulture);
    }
}
