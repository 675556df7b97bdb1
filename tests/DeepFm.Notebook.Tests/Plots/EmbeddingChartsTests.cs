using System.Text.Json.Nodes;
using DeepFm.Notebook.Plots;
using Plotly.NET;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Plots;

public class EmbeddingChartsTests
{
    [Fact]
    public void HeatmapHasOneRowPerVectorAndTheVectorsValues()
    {
        using var vectors = tensor(new float[] { 0.5f, -1f, 0f, 2f, 0.25f, -0.75f }, 2, 3);

        var json = JsonNode.Parse(GenericChart.toJson(EmbeddingCharts.Heatmap(vectors, ["user_id", "movie_title"], "one rating")))!;
        var trace = json["data"]![0]!;

        Assert.Equal("heatmap", (string?)trace["type"]);
        Assert.Equal(["user_id", "movie_title"], trace["y"]!.AsArray().Select(node => (string?)node));
        Assert.Equal([0, 1, 2], trace["x"]!.AsArray().Select(node => (int)node!));
        Assert.Equal([2.0, 0.25, -0.75], trace["z"]![1]!.AsArray().Select(node => (double)node!));
        Assert.Contains("one rating", json["layout"]!["title"]!.ToJsonString());
    }

    [Fact]
    public void HeatmapIsRedForPositiveAndBlueForNegativeCentredOnZero()
    {
        using var vectors = tensor(new float[] { 0.5f, -1f, 0f, 2f, 0.25f, -0.75f }, 2, 3);

        var trace = JsonNode.Parse(GenericChart.toJson(EmbeddingCharts.Heatmap(vectors, ["a", "b"])))!["data"]![0]!;

        // The same convention as the explanation heatmap of notebook 5: plotly's RdBu, not reversed, runs from blue
        // at zmin to red at zmax; a symmetric range around 0 puts white at 0.
        Assert.Equal("RdBu", (string?)trace["colorscale"]);
        Assert.NotEqual(true, (bool?)trace["reversescale"]);
        Assert.Equal(0.0, (double)trace["zmid"]!);
        Assert.Equal(-2.0, (double)trace["zmin"]!);
        Assert.Equal(2.0, (double)trace["zmax"]!);
    }

    [Fact]
    public void RowNamesMustMatchTheRows()
    {
        using var vectors = zeros(3, 4);
        var error = Assert.Throws<ArgumentException>(() => EmbeddingCharts.Heatmap(vectors, ["a", "b"]));
        Assert.Contains("3 rows but 2 row names", error.Message);
    }
}
