using DeepFm.Notebook.Evaluation;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// Pictures of one explained prediction (<see cref="PredictionExplanation"/>): which pairs of fields drive its FM
/// part. The cells of the strict upper triangle are the terms ⟨v_i, v_j⟩ of Σ_{i&lt;j} ⟨v_i, v_j⟩, so they add up to
/// the FM logit; the rest of the matrix (the mirror image and the diagonal) is left blank so nothing is counted twice.
/// </summary>
public static class ExplanationCharts
{
    /// <summary>
    /// A heatmap of the field-pair interactions, red for pairs that raise the score and blue for pairs that lower it,
    /// centred on 0, each cell labelled with its value (so the static picture carries the numbers too).
    /// </summary>
    public static GenericChart FieldInteractions(PredictionExplanation explanation, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        double[,] matrix = explanation.Interactions
            ?? throw new ArgumentException("The explained model has no field embeddings, so no FM interactions to draw.", nameof(explanation));
        int count = explanation.FieldNames.Count;
        // Rows from the bottom up, so the first field sits at the top as in the formula's matrix.
        // Cells outside the strict upper triangle are null: plotly leaves them blank (a gap), where NaN is not JSON.
        double?[][] z = Enumerable.Range(0, count).Reverse()
            .Select(i => Enumerable.Range(0, count).Select(j => j > i ? matrix[i, j] : (double?)null).ToArray())
            .ToArray();
        string[] names = explanation.FieldNames.ToArray();
        double largest = Math.Max(1e-9, z.SelectMany(row => row).Where(value => value is not null).Select(value => Math.Abs(value!.Value)).DefaultIfEmpty(0).Max());

        GenericChart chart = CS.Chart.Heatmap<double, string, string, string>(
            zData: z.Select(row => row.Select(value => value ?? 0)),
            X: names,
            Y: names.Reverse().ToArray(),
            Name: "⟨v_i, v_j⟩",
            ColorScale: StyleParam.Colorscale.RdBu);   // plotly's RdBu runs blue (low) to red (high)
        // Each cell's value as its label, none on the gaps (a texttemplate of %{z} would write 0.000 there).
        string[][] labels = z.Select(row => row.Select(value => value is { } v ? v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "").ToArray()).ToArray();
        // The gaps (null z), a colour scale centred on zero (zmid) and each cell's value written on it (texttemplate):
        // none has a parameter in Plotly.NET.CSharp 0.14, so they are set on the trace as the plotly.js attributes they are.
        chart = GenericChart.mapTrace(FSharpFunc(trace =>
        {
            trace.SetProperty("z", z);
            trace.SetProperty("zmid", 0.0);
            trace.SetProperty("zmin", -largest);
            trace.SetProperty("zmax", largest);
            trace.SetProperty("text", labels);
            trace.SetProperty("texttemplate", "%{text}");
            trace.SetProperty("hoverongaps", false);
            return trace;
        }), chart);
        return chart.WithTitles(
            title ?? $"FM part of user {explanation.UserId} × movie {explanation.MovieId}: Σ = {explanation.InteractionSum():F3}",
            "field j", "field i");
    }

    private static Microsoft.FSharp.Core.FSharpFunc<Trace, Trace> FSharpFunc(Func<Trace, Trace> function) =>
        Microsoft.FSharp.Core.FuncConvert.FromFunc(function);
}
