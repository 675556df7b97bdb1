using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

/// <summary>The genre bag as a dense field: the mean of a movie's genre embeddings, looked up by movie.</summary>
public class MovieGenreEmbeddingTests
{
    [Fact]
    public void EachMovieGetsTheMeanOfItsGenres()
    {
        using var scope = torch.NewDisposeScope();
        // Three movies: {Comedy}, {Drama, War}, {Action, Adventure, Sci-Fi}; bag id = genre index + 1.
        var bags = new MovieGenreBags([6, 0, 0, 9, 18, 0, 2, 3, 16], Length: 3);
        using var generator = new Generator(5);
        using var genres = new MovieGenreEmbedding(bags, dimension: 4, generator);

        var pooled = ModelTestData.Values(genres.call(torch.tensor(new long[] { 2, 0, 1, 2 })));   // [4, 4]

        var table = ModelTestData.Values(genres.Weights);   // 20 rows × 4
        float[] Mean(params int[] ids) => Enumerable.Range(0, 4).Select(d => ids.Average(id => table[id * 4 + d])).ToArray();
        float[] expected = [.. Mean(2, 3, 16), .. Mean(6), .. Mean(9, 18), .. Mean(2, 3, 16)];
        Assert.Equal(expected.Length, pooled.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], pooled[i], 6);
    }

    [Fact]
    public void ExtendedSchemaAddsTheGenresAsADenseFieldAfterTheTitle()
    {
        using var fixture = new MovieLensFixture();
        var data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        var original = MovieLensFeatures.Build(data);
        var extended = MovieLensFeatures.Build(data, extraFields: ExtraFields.All);
        Assert.Equal([.. MovieLensColumns.CategoricalFields, "movie_title"], original.Schema.DenseFieldNames);
        Assert.Equal(
            [.. MovieLensColumns.CategoricalFields, "user_zip_prefix", "movie_release_year", "rating_year_month", "rating_weekday",
             "rating_hour", "movie_title", "movie_genres"],
            extended.Schema.DenseFieldNames);
        Assert.Equal(11, extended.Schema.GenreDenseField);

        using var scope = torch.NewDisposeScope();
        using var model = new DeepFmModel(extended.Schema, DeepFmOptions.DeepFm, seed: 1);
        using var batch = extended.Ratings.Batches(10).Single();
        Assert.Equal([10L, 12, 32], model.DenseFieldEmbeddings(batch).shape);
        Assert.Equal([10L], model.Logits(batch).shape);
        LogitParts parts = model.Parts(batch);
        Assert.NotNull(parts.Fm);
        Assert.NotNull(model.GenreEmbedding);
    }

    [Fact]
    public void WithoutGenresTheModelIsTheOriginalOne()
    {
        using var fixture = new MovieLensFixture();
        var data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        var original = MovieLensFeatures.Build(data);
        var withGenres = MovieLensFeatures.Build(data, extraFields: new ExtraFields { Genres = true });

        using var scope = torch.NewDisposeScope();
        using var plain = new DeepFmModel(original.Schema, DeepFmOptions.DeepFm, seed: 7);
        using var genreModel = new DeepFmModel(withGenres.Schema, DeepFmOptions.DeepFm, seed: 7);
        Assert.Null(plain.GenreEmbedding);
        // The genre table is drawn after every other weight, so the shared parts start from the same values
        // (the MLP's first layer is wider with genres, so compare the embeddings and the first-order weights).
        Assert.True(ModelTestData.SameValues(plain.FieldEmbeddings!.Weights, genreModel.FieldEmbeddings!.Weights));
        Assert.True(ModelTestData.SameValues(plain.FirstOrderWeights!.Weights, genreModel.FirstOrderWeights!.Weights));
        Assert.Equal(plain.ParameterCount + 20 * 32 + 32 * 64, genreModel.ParameterCount);
    }
}
