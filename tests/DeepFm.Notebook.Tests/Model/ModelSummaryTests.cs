using DeepFm.Notebook.Model;
using TorchSharp;

namespace DeepFm.Notebook.Tests.Model;

public class ModelSummaryTests
{
    [Fact]
    public void DeepFmSummaryListsEveryPartWithMeasuredShapeAndCount()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var model = new DeepFmModel(schema, DeepFmOptions.DeepFm, seed: 51);
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 3, seed: 52);

        var summary = ModelSummary.Of(model, batch);

        Assert.Equal(["Module", "Type", "Output shape", "Parameters"], summary.Columns.Select(column => column.Name).ToArray());
        var rows = Enumerable.Range(0, (int)summary.Rows.Count)
            .Select(row => ((string)summary["Module"][row], (string)summary["Output shape"][row], (long)summary["Parameters"][row]))
            .ToArray();
        Assert.Equal(
            [
                ("fieldEmbeddings", "[B, 5, 32]", 84_832L),
                ("titleEmbedding", "[B, 32]", 320_000L),
                ("firstOrderWeights", "[B, 1]", 2_652L),
                ("factorizationMachine", "[B, 1]", 0L),
                ("mlp", "[B, 1]", 14_465L),
                ("total", "[B]", 421_949L),
            ],
            rows);
        Assert.Equal("DeepFmModel (DeepFM)", summary["Type"][5]);
    }

    [Fact]
    public void LogisticRegressionSummaryHasOnlyTheLinearPart()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var model = new DeepFmModel(schema, DeepFmOptions.LogisticRegression, seed: 53);
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 2, seed: 54);
        var summary = ModelSummary.Of(model, batch);
        Assert.Equal(2, summary.Rows.Count);
        Assert.Equal("firstOrderWeights", summary["Module"][0]);
        Assert.Equal(2_652L, summary["Parameters"][1]);
    }
}
