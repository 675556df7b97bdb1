using DeepFm.Notebook.TopN;

namespace DeepFm.Notebook.Tests.TopN;

/// <summary>EASE's closed form against ridge regressions solved by hand.</summary>
public class EaseTests
{
    [Fact]
    public void TwoMoviesGiveTheRidgeWeightOfOneMovieOnTheOther()
    {
        // Users: 0 rated both movies, 1 rated movie 0 only, 2 nothing. With diag(B) = 0 each column is a one-variable
        // ridge regression: B_01 = x0·x1 / (x0·x0 + λ) = 1 / (2 + 1), B_10 = x1·x0 / (x1·x1 + λ) = 1 / (1 + 1).
        var x = InteractionMatrix.FromPairs(3, 2, [(0, 0), (0, 1), (1, 0)]);

        Ease ease = Ease.Fit(x, lambda: 1);

        Assert.Equal(0, ease.Weight(0, 0), 12);
        Assert.Equal(0, ease.Weight(1, 1), 12);
        Assert.Equal(1.0 / 3, ease.Weight(0, 1), 12);
        Assert.Equal(1.0 / 2, ease.Weight(1, 0), 12);
        ScoreMatrix scores = ease.Score(x);
        Assert.Equal(1.0 / 3, scores.Of(1, 1), 6);   // user 1 rated movie 0, which predicts movie 1 with B_01
        Assert.Equal(0, scores.Of(2, 1), 6);         // a user who rated nothing scores 0 everywhere
    }

    [Fact]
    public void ThreeMoviesMatchTheNormalEquationsOfEachColumn()
    {
        // u0 rated {0, 1}, u1 {1, 2}, u2 {0, 1, 2}; λ = 1. Column 0 regresses x0 on (x1, x2):
        // [[x1·x1 + 1, x1·x2], [x2·x1, x2·x2 + 1]] = [[4, 2], [2, 3]], right-hand side [x1·x0, x2·x0] = [2, 1],
        // so (B_10, B_20) = (1/8)·[[3, −2], [−2, 4]]·[2, 1] = (0.5, 0).
        var x = InteractionMatrix.FromPairs(3, 3, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)]);

        Ease ease = Ease.Fit(x, lambda: 1);

        Assert.Equal(0.5, ease.Weight(1, 0), 12);
        Assert.Equal(0, ease.Weight(2, 0), 12);
        Assert.Equal(0, ease.Weight(0, 0), 12);
    }

    [Fact]
    public void LambdaMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Ease.Fit(InteractionMatrix.FromPairs(1, 2, [(0, 0)]), 0));
}
