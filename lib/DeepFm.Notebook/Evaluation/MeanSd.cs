using System.Globalization;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// "mean ± sd" over seeds, the one way the tables of notebooks 05 and 06 summarise repeated runs: the sd is the
/// SAMPLE standard deviation, √(Σ (x − mean)² / (n − 1)), because the seeds are a sample of the runs one could make.
/// </summary>
public static class MeanSd
{
    /// <summary>√(Σ (x − mean)² / (n − 1)); 0 for fewer than two values.</summary>
    public static double SampleStandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1));
    }

    /// <summary>"0.7650 ± 0.0012" with <paramref name="digits"/> decimals; one value alone without "±"; empty without values (nulls are skipped).</summary>
    public static string Format(IEnumerable<double?> values, int digits)
    {
        double[] numbers = values.Where(value => value is not null).Select(value => value!.Value).ToArray();
        if (numbers.Length == 0) return "";
        string format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        string mean = numbers.Average().ToString(format, CultureInfo.InvariantCulture);
        return numbers.Length == 1
            ? mean
            : $"{mean} ± {SampleStandardDeviation(numbers).ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>As <see cref="Format(IEnumerable{double?}, int)"/> for values that are all present.</summary>
    public static string Format(IEnumerable<double> values, int digits) => Format(values.Select(value => (double?)value), digits);
}
