using Microsoft.FSharp.Core;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>Top-k ranking results as charts: one bar per model, the error bar its standard deviation over seeds.</summary>
public static class RankingCharts
{
    /// <summary>
    /// A bar per model of a ranking metric (for example NDCG@10: mean over seeds), with ± one sample standard
    /// deviation as error bars (0 for a model run once), in the order given.
    /// </summary>
    public static GenericChart MetricByModel(IReadOnlyList<(string Model, double Mean, double Sd)> models,
        string metric = "NDCG@10", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0) throw new ArgumentException("No models to chart: give at least one (model, mean, sd).", nameof(models));
        GenericChart bars = CS.Chart.Column<double, string, string>(
            models.Select(model => Math.Round(model.Mean, 4)), Keys: models.Select(model => model.Model).ToArray(), Name: metric,
            MultiText: models.Select(model => model.Mean.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        // Plotly.NET's F# styling function: every option is an FSharpOption, and null stands for None.
        bars = Chart.withYErrorStyle<double, double>(null, null, null,
            FSharpOption<IEnumerable<double>>.Some(models.Select(model => model.Sd).ToArray()),
            null, null, null, null, null, null, null, null, null).Invoke(bars);
        return bars.WithTitles(title ?? $"Test {metric} per model: mean over seeds, error bars one sd", "model", metric);
    }
}
