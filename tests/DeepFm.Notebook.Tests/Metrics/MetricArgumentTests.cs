using DeepFm.Notebook.Metrics;

namespace DeepFm.Notebook.Tests.Metrics;

/// <summary>
/// The metrics' argument checks that mutation testing found unguarded: the log-loss clipping ε must lie strictly
/// inside (0, 0.5), both scratch buffers of the AUC must be long enough, and the "all labels are …" error names
/// the one class present.
/// </summary>
public class MetricArgumentTests
{
    [Theory]
    [InlineData(0.0)]            // no clipping: log(0) for a confident wrong prediction
    [InlineData(-1e-7)]
    [InlineData(0.5)]            // clipping to [0.5, 0.5] would make every prediction 0.5
    [InlineData(0.7)]
    [InlineData(double.NaN)]
    public void LogLossRejectsAClippingEpsilonOutsideZeroToAHalf(double epsilon)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LogLoss.FromProbabilities([0.3f], [1f], epsilon));
        Assert.Equal("epsilon", error.ParamName);
    }

    [Fact]
    public void LogLossAcceptsEpsilonJustInsideTheInterval()
    {
        // p = 0 clipped to ε = 0.49: −log(0.49) for the positive label.
        Assert.Equal(-Math.Log(0.49), LogLoss.FromProbabilities([0f], [1f], epsilon: 0.49), 12);
    }

    [Theory]
    [InlineData(1, 2)]   // score scratch too short
    [InlineData(2, 1)]   // label scratch too short
    public void RocAucRejectsAScratchBufferShorterThanTheInput(int scoreScratch, int labelScratch)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RocAuc.Compute([0.2f, 0.7f], [0f, 1f], new float[scoreScratch], new float[labelScratch]));
        Assert.Contains("scratch buffers", error.Message);
    }

    [Theory]
    [InlineData(0f, "all 2 labels are 0")]
    [InlineData(1f, "all 2 labels are 1")]
    public void RocAucNamesTheOnlyClassPresent(float label, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RocAuc.Compute([0.2f, 0.7f], [label, label]));
        Assert.Contains(expected, error.Message);
    }
}
