using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// An ablation at a glance: one row per recipe, its mean test AUC as a point and ± one sample standard deviation
/// over its seeds as an error bar, so a reader sees at once which differences are larger than the spread between
/// seeds. Points, not bars: bars would start at 0 and hide differences of 0.005 on an AUC near 0.78.
/// </summary>
public static class AblationCharts
{
    /// <summary>Mean ± sample sd of each recipe's test AUCs, top to bottom in the order given.</summary>
    public static GenericChart TestAuc(IEnumerable<(string Recipe, IReadOnlyList<double> TestAucs)> recipes,
        string title = "Test AUC by recipe: mean ± sample sd over seeds")
    {
        ArgumentNullException.ThrowIfNull(recipes);
        var rows = recipes.ToList();
        if (rows.Count == 0) throw new ArgumentException("No recipes to draw: pass at least one (recipe, test AUCs) pair.", nameof(recipes));
        foreach (var (recipe, aucs) in rows)
            if (aucs is null || aucs.Count == 0)
                throw new ArgumentException($"Recipe '{recipe}' has no test AUC; run it with at least one seed.", nameof(recipes));
        double[] means = rows.Select(row => row.TestAucs.Average()).ToArray();
        double[] deviations = rows.Select(row => SampleSd(row.TestAucs)).ToArray();
        // Plotly draws the first category at the bottom; reversed, the chart reads top-down like the table.
        rows.Reverse();
        Array.Reverse(means);
        Array.Reverse(deviations);
        GenericChart points = CS.Chart.Point<double, string, string>(means, rows.Select(row => row.Recipe), Name: "test AUC");
        Error errorBars = Error.init<double, double>(
            Visible: FSharpOption<bool>.Some(true),
            Type: FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data),
            Symmetric: FSharpOption<bool>.Some(true),
            Array: FSharpOption<IEnumerable<double>>.Some(deviations),
            Arrayminus: null, ArrayEncoded: null, ArrayminusEncoded: null, Value: null, Valueminus: null, Traceref: null,
            Tracerefminus: null, Copy_ystyle: null, Color: null, Thickness: null, Width: null);
        GenericChart withErrors = Chart.withXError(errorBars).Invoke(points);
        GenericChart sized = Chart.withSize(900.0, 120.0 + 32 * rows.Count).Invoke(withErrors);
        return sized.WithTitles(title, "test AUC", "");
    }

    private static double SampleSd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1));
    }
}
