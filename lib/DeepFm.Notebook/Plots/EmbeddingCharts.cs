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
    /// diverging red-blue scale so positive and negative components read at a glance.
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

        return CS.Chart.Heatmap<double, int, string, string>(
                zData: z,
                X: Enumerable.Range(0, dimensions).ToArray(),
                Y: rowNames.ToArray(),
                Name: "embedding",
                ColorScale: StyleParam.Colorscale.RdBu,
                ReverseScale: true)
            .WithTitles(title, "dimension", "");
    }
}
