using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class FieldEmbeddingsTests
{
    [Fact]
    public void StacksOneRowPerFieldFromThatFieldsTable()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(21);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 32, generator);
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 4, seed: 22);

        var fieldVectors = embeddings.call(batch.Categorical);

        Assert.Equal(new long[] { 4, 5, 32 }, fieldVectors.shape);
        var tables = embeddings.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var movieIds = batch.Categorical[.., 4];
        var expectedMovies = tables["embeddingsByField.movie_id.weight"].index_select(0, movieIds);
        Assert.True(ModelTestData.SameValues(fieldVectors[.., 4, ..], expectedMovies));
        var expectedUsers = tables["embeddingsByField.user_id.weight"].index_select(0, batch.Categorical[.., 0]);
        Assert.True(ModelTestData.SameValues(fieldVectors[.., 0, ..], expectedUsers));
    }

    [Fact]
    public void OneTablePerFieldSizedByTheSchema()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(23);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 32, generator);
        var shapes = embeddings.named_parameters().Select(p => (p.name, p.parameter.shape[0], p.parameter.shape[1])).ToList();
        Assert.Equal(
            [
                ("embeddingsByField.user_id.weight", 943L, 32L),
                ("embeddingsByField.user_gender.weight", 2L, 32L),
                ("embeddingsByField.bucketized_user_age.weight", 7L, 32L),
                ("embeddingsByField.user_occupation_label.weight", 17L, 32L),
                ("embeddingsByField.movie_id.weight", 1682L, 32L),
            ],
            shapes);
    }

    [Fact]
    public void InitialisedTruncatedNormalWithStddevOneOverSqrtDimension()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(24);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 32, generator);
        var all = torch.cat(embeddings.parameters().Select(p => p.flatten()).ToList(), 0);
        var stddev = 1.0 / Math.Sqrt(32);
        // Truncated at 2 stddev; the truncated distribution's stddev is 0.8796 · stddev ≈ 0.1555.
        Assert.True(all.abs().max().item<float>() <= 2 * stddev + 1e-6);
        Assert.InRange(all.std().item<float>(), 0.8796 * stddev * 0.97, 0.8796 * stddev * 1.03);
        Assert.InRange(all.mean().item<float>(), -0.005, 0.005);
    }

    [Fact]
    public void RejectsBatchesEncodedWithAnotherSchema()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(25);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 8, generator);

        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.call(torch.tensor(new long[] { 0, 0, 0, 0, 1682 }, 1, 5)));
        Assert.Contains("movie_id", tooLarge.Message);
        Assert.Contains("1681", tooLarge.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.call(torch.tensor(new long[] { -1, 0, 0, 0, 0 }, 1, 5)));
        Assert.Contains("user_id", negative.Message);
        var wrongWidth = Assert.Throws<ArgumentException>(() => embeddings.call(torch.zeros(2, 4, dtype: ScalarType.Int64)));
        Assert.Contains("5 fields", wrongWidth.Message);
        Assert.Throws<ArgumentException>(() => embeddings.call(torch.zeros(2, 5, dtype: ScalarType.Int32)));
    }
}
