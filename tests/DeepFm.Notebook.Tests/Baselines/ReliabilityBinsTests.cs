using DeepFm.Notebook.Metrics;

namespace DeepFm.Notebook.Tests.Baselines;

public class ReliabilityBinsTests
{
    [Fact]
    public void BinsHoldTheMeanPredictionAndTheShareOfPositivesOfTheirRows()
    {
        // Four bins of width 0.25. Bin 0: 0.1, 0.2 (labels 0, 0); bin 2: 0.6 (1); bin 3: 0.8, 1.0 (1, 0). Bin 1 is empty.
        float[] probabilities = [0.1f, 0.2f, 0.6f, 0.8f, 1.0f];
        float[] labels = [0, 0, 1, 1, 0];

        var bins = ReliabilityBins.Compute(probabilities, labels, bins: 4);

        Assert.Equal([0.0, 0.5, 0.75], bins.Select(bin => bin.Low));
        Assert.Equal([2, 1, 2], bins.Select(bin => bin.Count));
        Assert.Equal(0.15, bins[0].MeanPredicted, precision: 6);
        Assert.Equal(0.9, bins[2].MeanPredicted, precision: 6);
        Assert.Equal([0.0, 1.0, 0.5], bins.Select(bin => bin.ObservedShare));
        // ECE = (2 · 0.15 + 1 · 0.4 + 2 · 0.4) / 5 = 0.3.
        Assert.Equal(0.3, ReliabilityBins.ExpectedCalibrationError(bins), precision: 6);
    }

    [Fact]
    public void ALogitInsteadOfAProbabilityIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReliabilityBins.Compute([2.5f], [1f]));
        Assert.Contains("σ(logit)", error.Message);
    }
}
