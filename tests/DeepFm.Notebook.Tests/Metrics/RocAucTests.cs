using DeepFm.Notebook.Metrics;

namespace DeepFm.Notebook.Tests.Metrics;

public class RocAucTests
{
    [Fact]
    public void ScikitLearnDocumentationExampleGivesThreeQuarters()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75 in the scikit-learn user guide.
        Assert.Equal(0.75, RocAuc.Compute([0.1f, 0.4f, 0.35f, 0.8f], [0f, 0f, 1f, 1f]), 12);
    }

    [Fact]
    public void PerfectAndReversedRankingGiveOneAndZero()
    {
        Assert.Equal(1.0, RocAuc.Compute([-2f, -1f, 3f, 4f], [0f, 0f, 1f, 1f]), 12);
        Assert.Equal(0.0, RocAuc.Compute([5f, 4f, 3f, 2f], [0f, 0f, 1f, 1f]), 12);
    }

    [Fact]
    public void TiedScoresCountOneHalf()
    {
        // Positives {2, 3}, negatives {1, 2}: pairs 2>1, 2=2 (½), 3>1, 3>2 → 3.5 / 4.
        Assert.Equal(0.875, RocAuc.Compute([1f, 2f, 2f, 3f], [0f, 1f, 0f, 1f]), 12);
        // Every score tied: no information, AUC ½.
        Assert.Equal(0.5, RocAuc.Compute([0.3f, 0.3f, 0.3f, 0.3f, 0.3f], [1f, 0f, 0f, 1f, 0f]), 12);
    }

    [Fact]
    public void MatchesScikitLearnReferenceOnFixedArrayWithTies()
    {
        // Reference computed with plain python as the pairwise probability that sklearn's roc_auc_score equals:
        // 32.5 of the 36 positive/negative pairs are ordered correctly (ties ½) → 0.9027777777777778.
        float[] labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1];
        float[] scores = [0.9f, 0.1f, 0.8f, 0.35f, 0.35f, 0.6f, 0.6f, 0.2f, 0.7f, 0.05f, 0.35f, 0.5f];
        Assert.Equal(0.9027777777777778, RocAuc.Compute(scores, labels), 12);
    }

    [Fact]
    public void AgreesWithBruteForcePairCountingOnRandomDataWithManyTies()
    {
        var random = new Random(7);
        const int count = 1500;
        var scores = new float[count];
        var labels = new float[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.NextDouble() < 0.4 ? 1f : 0f;
            // Rounded to one decimal, so most scores are tied with others.
            scores[i] = MathF.Round((float)(random.NextDouble() + 0.3 * labels[i]), 1);
        }

        double correctPairs = 0, pairs = 0;
        for (int p = 0; p < count; p++)
        {
            if (labels[p] != 1f) continue;
            for (int n = 0; n < count; n++)
            {
                if (labels[n] != 0f) continue;
                pairs++;
                correctPairs += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
            }
        }

        Assert.Equal(correctPairs / pairs, RocAuc.Compute(scores, labels), 12);
    }

    [Fact]
    public void AucIsInvariantToMonotoneTransformOfScores()
    {
        float[] logits = [-3f, 0.5f, 1.2f, -0.7f, 2.2f, 0.5f];
        float[] labels = [0f, 1f, 1f, 0f, 1f, 0f];
        float[] probabilities = logits.Select(z => 1f / (1f + MathF.Exp(-z))).ToArray();
        Assert.Equal(RocAuc.Compute(logits, labels), RocAuc.Compute(probabilities, labels), 12);
    }

    [Fact]
    public void OneClassOnlyIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RocAuc.Compute([0.2f, 0.7f], [1f, 1f]));
        Assert.Contains("undefined", error.Message);
        Assert.Contains("at least one positive and one negative", error.Message);
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.2f, 0.7f], [1f]));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([], []));
        Assert.Contains("exactly 0 or 1", Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.2f, 0.7f], [1f, 0.5f])).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => RocAuc.Compute([float.NaN, 0.7f], [1f, 0f])).Message);
    }

    [Fact]
    public void ScratchBuffersGiveTheSameResultAndLeaveInputsUntouched()
    {
        float[] scores = [0.9f, 0.1f, 0.8f, 0.35f, 0.35f];
        float[] labels = [1f, 0f, 0f, 1f, 0f];
        float[] scoresBefore = (float[])scores.Clone();
        var scratchScores = new float[10];
        var scratchLabels = new float[10];
        Assert.Equal(RocAuc.Compute(scores, labels), RocAuc.Compute(scores, labels, scratchScores, scratchLabels), 12);
        Assert.Equal(scoresBefore, scores);
    }
}
