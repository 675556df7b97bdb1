using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// Pictures of embedding vectors: a heatmap with one row per vector (for example the six dense fields of one
/// rating, the [6, 32] slice of the [B, 6, 32] stack DeepFM feeds to its FM and DNN) and one column per dimension.
/// </summary>
public static class EmbeddingCharts
{
    /// <summary>
    /// Heatmap of a float [R, D] tensor: row <c>r</c> labelled <paramref name="rowNames"/>[r], colour = value, on a
    /// diverging scale centred on 0 so positive and negative components read at a glance: red positive, blue negative,
    /// the convention of <see cref="ExplanationCharts.FieldInteractions"/> (red raises a score, blue lowers it).
    /// </summary>
    public static GenericChart Heatmap(Tensor vectors, IReadOnlyList<string> rowNames, string title = "Embedding vectors")
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(rowNames);
        if (vectors.dim() != 2)
            throw new ArgumentException($"Expected a [rows, dimensions] tensor, got shape [{string.Join(", ", vectors.shape)}].", nameof(vectors));
        if (vectors.shape[0] != rowNames.Count)
            throw new ArgumentException($"{vectors.shape[0]} rows but {rowNames.Count} row names.", nameof(rowNames));

        using var values = vectors.detach().to(ScalarType.Float32).cpu().contiguous();
        int rows = (int)values.shape[0], dimensions = (int)values.shape[1];
        float[] flat = values.data<float>().ToArray();
        double[][] z = Enumerable.Range(0, rows)
            .Select(row => flat.Skip(row * dimensions).Take(dimensions).Select(value => (double)value).ToArray())
            .ToArray();

        double largest = Math.Max(1e-9, flat.Select(value => Math.Abs((double)value)).DefaultIfEmpty(0).Max());
        GenericChart chart = CS.Chart.Heatmap<double, int, string, string>(
                zData: z,
                X: Enumerable.Range(0, dimensions).ToArray(),
                Y: rowNames.ToArray(),
                Name: "embedding",
                ColorScale: StyleParam.Colorscale.RdBu);   // plotly's RdBu runs blue (low) to red (high)
        // Centred on zero (zmid, and a range symmetric about it), so white is 0 whatever the values: Plotly.NET.CSharp
        // 0.14 has no parameter for these, so they are set on the trace as the plotly.js attributes they are.
        chart = GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("zmid", 0.0);
            trace.SetProperty("zmin", -largest);
            trace.SetProperty("zmax", largest);
            return trace;
        }), chart);
        return chart.WithTitles(title, "dimension", "");
    }
}
