using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class MaskedTitleEmbeddingTests
{
    private static (MaskedTitleEmbedding Title, Tensor Weights) SmallTitleEmbedding(int seed)
    {
        using var generator = new Generator((ulong)seed);
        var title = new MaskedTitleEmbedding(vocabularySize: 10, dimension: 3, generator);
        var weights = title.named_parameters().Single(p => p.name == "tokenEmbeddings.weight").parameter;
        return (title, weights);
    }

    [Fact]
    public void AveragesOnlyTheRealTokensWherePaddingSits()
    {
        using var scope = torch.NewDisposeScope();
        var (title, weights) = SmallTitleEmbedding(seed: 3);
        // Padding at the end, in the middle and at the start; token 1 (OOV) is a real token, not padding.
        var tokens = torch.tensor(new long[] { 2, 5, 0, 0, 0, 3, 0, 7, 1, 4, 9, 6 }, 3, 4);

        var pooled = ModelTestData.Values(title.call(tokens));

        var table = ModelTestData.Values(weights);   // 10 rows × 3
        float[] Row(int id) => table.Skip(id * 3).Take(3).ToArray();
        float[] Mean(params int[] ids) => Enumerable.Range(0, 3).Select(d => ids.Sum(id => Row(id)[d]) / ids.Length).ToArray();
        var expected = Mean(2, 5).Concat(Mean(3, 7)).Concat(Mean(1, 4, 9, 6)).ToArray();
        Assert.Equal(expected.Length, pooled.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], pooled[i], 6);
        title.Dispose();
    }

    [Fact]
    public void PaddingRowNeverInfluencesTheResult()
    {
        using var scope = torch.NewDisposeScope();
        var (title, weights) = SmallTitleEmbedding(seed: 4);
        var tokens = torch.tensor(new long[] { 2, 5, 0, 0, 0, 3, 0, 7 }, 2, 4);
        var before = title.call(tokens).detach().clone();
        using (torch.no_grad())
            weights[0].fill_(1000f);
        var after = title.call(tokens);
        Assert.True(ModelTestData.SameValues(before, after));
        title.Dispose();
    }

    [Fact]
    public void AllPaddingTitleGivesZerosNotNaN()
    {
        using var scope = torch.NewDisposeScope();
        var (title, _) = SmallTitleEmbedding(seed: 5);
        var tokens = torch.tensor(new long[] { 0, 0, 0, 0, 2, 0, 0, 0 }, 2, 4);
        var pooled = title.call(tokens);
        Assert.Equal(new long[] { 2, 3 }, pooled.shape);
        Assert.Equal(new float[] { 0, 0, 0 }, ModelTestData.Values(pooled[0]));
        Assert.False(pooled.isnan().any().item<bool>());
        Assert.NotEqual(0f, ModelTestData.Values(pooled[1]).Select(Math.Abs).Sum());
        title.Dispose();
    }

    [Fact]
    public void PaddingGetsNoGradient()
    {
        using var scope = torch.NewDisposeScope();
        var (title, weights) = SmallTitleEmbedding(seed: 6);
        title.call(torch.tensor(new long[] { 2, 0, 0, 3 }, 1, 4)).sum().backward();
        Assert.Equal(new float[] { 0, 0, 0 }, ModelTestData.Values(weights.grad![0]));
        Assert.Equal(new float[] { 0.5f, 0.5f, 0.5f }, ModelTestData.Values(weights.grad![2]));
        title.Dispose();
    }

    [Fact]
    public void InitialisedUniformWithinKerasBounds()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(7);
        using var title = new MaskedTitleEmbedding(10_000, 32, generator);
        var weights = title.parameters().Single();
        Assert.Equal(new long[] { 10_000, 32 }, weights.shape);
        Assert.True(weights.abs().max().item<float>() <= 0.05f);
        // uniform(-0.05, 0.05) has standard deviation 0.1/√12 ≈ 0.0289.
        Assert.InRange(weights.std().item<float>(), 0.0280f, 0.0297f);
    }

    [Fact]
    public void RejectsTokenIdsOutsideTheVocabulary()
    {
        using var scope = torch.NewDisposeScope();
        var (title, _) = SmallTitleEmbedding(seed: 8);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => title.CheckTokens(torch.tensor(new long[] { 2, 10 }, 1, 2)));
        Assert.Contains("TitleVocabularySize", error.Message);
        Assert.Throws<ArgumentException>(() => title.CheckTokens(torch.tensor(new float[] { 2, 3 }, 1, 2)));
        title.Dispose();
    }

    [Fact]
    public void OncePerMovieGivesEveryExampleItsMoviesVectorAndTheSameGradient()
    {
        using var scope = torch.NewDisposeScope();
        var (perMovie, perMovieWeights) = SmallTitleEmbedding(seed: 9);
        var (perExample, perExampleWeights) = SmallTitleEmbedding(seed: 9);
        // Movies 7, 3, 7, 5, 3, 7: three distinct titles, repeated as in a batch of ratings.
        var movieIds = torch.tensor(new long[] { 7, 3, 7, 5, 3, 7 });
        long[][] titleOf = [[], [], [], [2, 4, 0], [], [9, 0, 0], [], [1, 6, 8]];
        var tokens = torch.tensor(movieIds.data<long>().ToArray().SelectMany(movie => titleOf[movie]).ToArray(), 6, 3);

        var once = perMovie.OncePerMovie(tokens, movieIds);
        var each = perExample.call(tokens);
        Assert.True(once.allclose(each, rtol: 0, atol: 1e-7));
        (once * torch.arange(18).view(6, 3)).sum().backward();
        (each * torch.arange(18).view(6, 3)).sum().backward();
        Assert.True(perMovieWeights.grad!.allclose(perExampleWeights.grad!, rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void OncePerMovieFallsBackToEveryExampleWhenAMovieHasTwoTitles()
    {
        using var scope = torch.NewDisposeScope();
        var (title, _) = SmallTitleEmbedding(seed: 10);
        var movieIds = torch.tensor(new long[] { 4, 4 });
        var tokens = torch.tensor(new long[] { 2, 3, 5, 6 }, 2, 2);   // same movie, different tokens: a hand-made batch

        Assert.True(title.OncePerMovie(tokens, movieIds).allclose(title.call(tokens)));
    }
}
