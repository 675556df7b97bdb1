using DeepFm.Notebook.Metrics;

namespace DeepFm.Notebook.Tests.Metrics;

public class LogLossTests
{
    [Fact]
    public void HandComputedCase()
    {
        // −(log 0.8 + log(1 − 0.4)) / 2
        double expected = -(Math.Log(0.8) + Math.Log(0.6)) / 2;
        Assert.Equal(expected, LogLoss.FromProbabilities([0.8f, 0.4f], [1f, 0f]), 6);
        // A coin flip costs log 2 whatever the label.
        Assert.Equal(Math.Log(2), LogLoss.FromProbabilities([0.5f, 0.5f, 0.5f], [1f, 0f, 1f]), 12);
        Assert.Equal(Math.Log(2), LogLoss.FromLogits([0f, 0f], [0f, 1f]), 12);
    }

    [Fact]
    public void MatchesScikitLearnReferenceOnFixedArray()
    {
        // sklearn.metrics.log_loss(labels, scores) with probabilities clipped at 1e-7, computed with plain python.
        float[] labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1];
        float[] scores = [0.9f, 0.1f, 0.8f, 0.35f, 0.35f, 0.6f, 0.6f, 0.2f, 0.7f, 0.05f, 0.35f, 0.5f];
        Assert.Equal(0.42471898876283604, LogLoss.FromProbabilities(scores, labels), 6);
    }

    [Fact]
    public void LogitsFormMatchesPythonReferenceIncludingSaturatedLogits()
    {
        // −mean[y log σ(z) + (1−y) log(1−σ(z))] in double precision with python's math module.
        float[] logits = [2.0f, -1.5f, 0.0f, 3.25f, -4.0f, 0.5f, 30.0f, -30.0f];
        float[] labels = [1, 0, 1, 0, 1, 1, 1, 1];
        Assert.Equal(4.8502195941714445, LogLoss.FromLogits(logits, labels), 9);
    }

    [Fact]
    public void LogitsAndProbabilitiesAgree()
    {
        float[] logits = [-2.5f, -0.3f, 0.1f, 1.7f, 4f];
        float[] labels = [0f, 1f, 0f, 1f, 1f];
        float[] probabilities = logits.Select(z => (float)(1 / (1 + Math.Exp(-z)))).ToArray();
        Assert.Equal(LogLoss.FromLogits(logits, labels), LogLoss.FromProbabilities(probabilities, labels), 6);
    }

    [Fact]
    public void ConfidentMistakesAreFiniteBecauseOfClipping()
    {
        double loss = LogLoss.FromProbabilities([0f, 1f], [1f, 0f]);
        Assert.Equal(-Math.Log(LogLoss.DefaultEpsilon), loss, 3);
        Assert.True(double.IsFinite(LogLoss.FromLogits([-1000f, 1000f], [1f, 0f])));
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => LogLoss.FromLogits([0.2f], [1f, 0f]));
        Assert.Throws<ArgumentException>(() => LogLoss.FromProbabilities([], []));
        Assert.Contains("FromLogits", Assert.Throws<ArgumentException>(() => LogLoss.FromProbabilities([1.5f], [1f])).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => LogLoss.FromLogits([float.NaN], [1f])).Message);
        Assert.Throws<ArgumentException>(() => LogLoss.FromLogits([0.2f], [2f]));
    }
}
