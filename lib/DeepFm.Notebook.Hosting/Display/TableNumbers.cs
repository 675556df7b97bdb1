using System.Globalization;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// How numbers are written in notebook tables (<see cref="DataFrameHtml"/>) and scripts' text tables
/// (<see cref="DataFrameText"/>): rounded to what they mean, never in a computer's raw form
/// (<c>4.0511736115234434E-05</c>, a 17-digit AUC).
/// </summary>
/// <remarks>
/// A <see cref="DecimalsColumn"/> declares its decimals where its table is built: with 4, 0.069 → 0.0690, so a
/// column's digits line up. Every other number keeps at most 4 significant decimals:
/// 0.6931472 → 0.6931, 123.456789 → 123.4568, 0.0000405117 → 0.00004051, 84832 → 84832.
/// A column's name never chooses its format.
/// </remarks>
public static class TableNumbers
{
    /// <summary><paramref name="value"/> as a table cell of <paramref name="column"/> shows it (missing: empty).</summary>
    public static string Format(object? value, DataFrameColumn? column = null)
    {
        int? decimals = (column as DecimalsColumn)?.Decimals;
        return value switch
        {
            null => "",
            double number => Format(number, decimals),
            float number => Format(number, decimals),
            decimal number => Format((double)number, decimals),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

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
