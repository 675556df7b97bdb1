using DeepFm.Notebook.Metrics;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// The reliability diagram: for each model, its mean predicted probability per bin (x) against the observed share
/// of 4–5 star ratings in that bin (y), beside the diagonal a calibrated model would follow. A point below the
/// diagonal means the model promises more than comes true; above, less.
/// </summary>
public static class CalibrationCharts
{
    /// <summary>One line per (name, bins) pair, plus the diagonal.</summary>
    public static GenericChart Reliability(IEnumerable<(string Name, IReadOnlyList<ReliabilityBin> Bins)> models,
        string title = "Reliability: predicted probability vs observed share of 4–5 stars")
    {
        ArgumentNullException.ThrowIfNull(models);
        var lines = new List<GenericChart>
        {
            CS.Chart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: "calibrated (diagonal)", ShowLegend: true,
                LineDash: StyleParam.DrawingStyle.Dash),
        };
        foreach (var (name, bins) in models)
        {
            if (bins is null || bins.Count == 0)
                throw new ArgumentException($"Model '{name}' has no bins: compute them with ReliabilityBins.Compute first.", nameof(models));
            lines.Add(CS.Chart.Line<double, double, string>(bins.Select(bin => bin.MeanPredicted), bins.Select(bin => bin.ObservedShare),
                ShowMarkers: true, Name: name, ShowLegend: true));
        }
        if (lines.Count == 1)
            throw new ArgumentException("No models to draw: pass at least one (name, bins) pair.", nameof(models));
        return CS.Chart.Combine(lines).WithTitles(title, "mean predicted probability (bin)", "observed share of 4–5 stars");
    }
}
