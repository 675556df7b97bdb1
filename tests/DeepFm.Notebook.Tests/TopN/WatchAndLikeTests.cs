using DeepFm.Notebook.TopN;

namespace DeepFm.Notebook.Tests.TopN;

/// <summary>The product P(watch)·P(like | watch), kept as a sum of logarithms.</summary>
public class WatchAndLikeTests
{
    [Fact]
    public void ScoresAreTheLogarithmOfTheProductOfBothProbabilities()
    {
        // σ(0) = 1/2, σ(ln 3) = 3/4: log(1/2 · 3/4) = log 0.375; σ(ln 3)·σ(−ln 3) = 3/16.
        float[][] combined = WatchAndLike.Combine([[0f, (float)Math.Log(3)]], [[(float)Math.Log(3), (float)-Math.Log(3)]]);
        Assert.Equal(Math.Log(0.375), combined[0][0], 5);
        Assert.Equal(Math.Log(3.0 / 16), combined[0][1], 5);
    }

    [Fact]
    public void LogSigmoidStaysFiniteForLargeLogits()
    {
        Assert.Equal(-Math.Log(2), WatchAndLike.LogSigmoid(0), 12);
        Assert.Equal(-1000, WatchAndLike.LogSigmoid(-1000), 9);
        Assert.Equal(0, WatchAndLike.LogSigmoid(1000), 12);
    }
}
