using DeepFm.Notebook.TopN;

namespace DeepFm.Notebook.Tests.TopN;

/// <summary>Negatives are never rated movies, and follow n_m^α over the rest.</summary>
public class NegativeSamplerTests
{
    // u0 rated {0, 1}, u1 {1, 2}, u2 {0}; raters per movie 2, 2, 1, 0 (nobody rated movie 3).
    private static InteractionMatrix Interactions() =>
        InteractionMatrix.FromPairs(3, 4, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0)]);

    private static int[] Draw(NegativeSampler sampler, int user, int count, int seed = 7)
    {
        var negatives = new int[count];
        sampler.Sample(user, negatives, new Random(seed));
        return negatives;
    }

    [Fact]
    public void UniformDrawsNeverARatedMovieAndEveryUnratedOne()
    {
        var sampler = new NegativeSampler(Interactions(), popularityExponent: 0);

        Assert.Equal([2, 3], Draw(sampler, user: 0, count: 2_000).Distinct().Order());
        Assert.Equal([0, 3], Draw(sampler, user: 1, count: 2_000).Distinct().Order());
        Assert.Equal([1, 2, 3], Draw(sampler, user: 2, count: 2_000).Distinct().Order());
    }

    [Fact]
    public void PopularityDrawsInProportionToRatersAndNeverAnUnratedMovie()
    {
        var sampler = new NegativeSampler(Interactions(), popularityExponent: 1);

        Assert.All(Draw(sampler, user: 0, count: 500), movie => Assert.Equal(2, movie));   // 3 has weight 0
        // u2 may get movie 1 (2 raters) or 2 (1 rater): shares 2/3 and 1/3.
        int[] negatives = Draw(sampler, user: 2, count: 30_000);
        Assert.DoesNotContain(0, negatives);
        Assert.DoesNotContain(3, negatives);
        Assert.Equal(2.0 / 3, negatives.Count(movie => movie == 1) / 30_000.0, 2);
    }

    [Fact]
    public void AUserWhoRatedEveryDrawableMovieGetsAnErrorNotAHang()
    {
        var sampler = new NegativeSampler(InteractionMatrix.FromPairs(1, 2, [(0, 0), (0, 1)]));
        var error = Assert.Throws<InvalidOperationException>(() => Draw(sampler, user: 0, count: 1));
        Assert.Contains("rated every movie", error.Message);
    }
}
