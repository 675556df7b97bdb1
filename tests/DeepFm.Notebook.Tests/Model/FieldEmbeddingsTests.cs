using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class FieldEmbeddingsTests
{
    [Fact]
    public void StacksOneRowPerFieldFromThatFieldsBlock()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(21);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 32, generator);
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 4, seed: 22);

        var fieldVectors = embeddings.call(batch.Categorical);

        Assert.Equal(new long[] { 4, 5, 32 }, fieldVectors.shape);
        int movie = schema.MovieIdField, user = schema.UserIdField;
        var expectedMovies = embeddings.TableOf(movie).index_select(0, batch.Categorical[.., movie]);
        Assert.True(ModelTestData.SameValues(fieldVectors[.., movie, ..], expectedMovies));
        var expectedUsers = embeddings.TableOf(user).index_select(0, batch.Categorical[.., user]);
        Assert.True(ModelTestData.SameValues(fieldVectors[.., user, ..], expectedUsers));
    }

    [Fact]
    public void OneSharedTableWithABlockPerFieldSizedByTheSchema()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(23);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 32, generator);

        Assert.Equal([("sharedTable", 2651L, 32L)],
            embeddings.named_parameters().Select(p => (p.name, p.parameter.shape[0], p.parameter.shape[1])).ToList());
        Assert.Equal(schema.FieldOffsets, embeddings.Offsets);
        Assert.Equal([943L, 2L, 7L, 17L, 1682L], Enumerable.Range(0, 5).Select(field => embeddings.TableOf(field).shape[0]));

        // The blocks are views: writing one changes the table the model trains.
        using (torch.no_grad())
            embeddings.TableOf(schema.MovieIdField)[3].fill_(7f);
        Assert.Equal(7f, embeddings.Weights[969 + 3, 0].item<float>());
    }

    [Fact]
    public void EachBlockHasTheWeightsOfASeparateTableDrawnInSchemaOrder()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 8, new Generator(26));
        using var generator = new Generator(26);
        foreach (var (field, index) in schema.CategoricalFields.Select((field, index) => (field, index)))
        {
            var separate = Initializers.FillTruncatedNormal(torch.empty(field.Cardinality, 8), 1.0 / Math.Sqrt(8), generator);
            Assert.True(ModelTestData.SameValues(separate, embeddings.TableOf(index)), field.Name);
        }
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
    public void ItsExplicitCheckRejectsBatchesEncodedWithAnotherSchema()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(25);
        using var embeddings = new FieldEmbeddings(schema.CategoricalFields, dimension: 8, generator);

        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.CheckIndices(torch.tensor(new long[] { 0, 0, 0, 0, 1682 }, 1, 5)));
        Assert.Contains("movie_id", tooLarge.Message);
        Assert.Contains("1681", tooLarge.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.CheckIndices(torch.tensor(new long[] { -1, 0, 0, 0, 0 }, 1, 5)));
        Assert.Contains("user_id", negative.Message);
        var wrongWidth = Assert.Throws<ArgumentException>(() => embeddings.CheckIndices(torch.zeros(2, 4, dtype: ScalarType.Int64)));
        Assert.Contains("5 fields", wrongWidth.Message);
        Assert.Throws<ArgumentException>(() => embeddings.CheckIndices(torch.zeros(2, 5, dtype: ScalarType.Int32)));
    }
}
