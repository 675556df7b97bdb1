namespace DeepFm.Notebook.Metrics;

/// <summary>
/// Exact area under the ROC curve, computed from ranks (the Mann–Whitney U statistic):
/// <c>AUC = (R⁺ − n⁺(n⁺ + 1)/2) / (n⁺ · n⁻)</c>, where <c>R⁺</c> is the sum of the ranks of the positive examples
/// when all scores are sorted ascending, and tied scores share the average of their ranks. This equals the
/// probability that a random positive scores above a random negative (ties count one half), which is what
/// scikit-learn's <c>roc_auc_score</c> returns. The Keras <c>AUC</c> metric of the original tutorial approximates
/// the same area with 200 thresholds; we compute it exactly, in O(n log n).
/// </summary>
public static class RocAuc
{
    /// <summary>
    /// The ROC AUC of <paramref name="scores"/> (any monotone score: logits or probabilities, length n) against
    /// binary <paramref name="labels"/> (each exactly 0 or 1, length n).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, a label is not 0/1 or a score is NaN.</exception>
    /// <exception cref="InvalidOperationException">Only one class is present, so the AUC is undefined.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels) =>
        Compute(scores, labels, new float[scores.Length], new float[scores.Length]);

    /// <summary>
    /// As <see cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, but sorts inside caller-owned scratch
    /// buffers (each at least n long) so that a trainer can score every epoch without allocating.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels,
        Span<float> scratchScores, Span<float> scratchLabels)
    {
        int count = scores.Length;
        if (labels.Length != count)
            throw new ArgumentException(
                $"RocAuc.Compute: {count} scores but {labels.Length} labels; pass one score per label.", nameof(labels));
        if (count == 0)
            throw new ArgumentException("RocAuc.Compute: no examples; the AUC needs at least one positive and one negative.",
                nameof(scores));
        if (scratchScores.Length < count || scratchLabels.Length < count)
            throw new ArgumentException($"RocAuc.Compute: scratch buffers must hold at least {count} values.",
                nameof(scratchScores));

        int positiveCount = 0;
        for (int i = 0; i < count; i++)
        {
            float label = labels[i];
            if (label == 1f) positiveCount++;
            else if (label != 0f)
                throw new ArgumentException(
                    $"RocAuc.Compute: label[{i}] = {label}; ROC AUC needs binary labels, each exactly 0 or 1.", nameof(labels));
            if (float.IsNaN(scores[i]))
                throw new ArgumentException(
                    $"RocAuc.Compute: score[{i}] is NaN; the model has probably diverged (try a smaller learning rate).",
                    nameof(scores));
        }
        int negativeCount = count - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
            throw new InvalidOperationException(
                $"RocAuc.Compute: all {count} labels are {(positiveCount == 0 ? 0 : 1)}, so the ROC AUC is undefined; " +
                "it needs at least one positive and one negative example (is the split too small, or the labels not binarised?).");

        Span<float> sortedScores = scratchScores[..count];
        Span<float> sortedLabels = scratchLabels[..count];
        scores.CopyTo(sortedScores);
        labels.CopyTo(sortedLabels);
        // Sorts the labels along with their scores; the order inside a run of ties does not matter,
        // because every member of the run receives the same average rank.
        sortedScores.Sort(sortedLabels);

        double positiveRankSum = 0;
        int runStart = 0;
        while (runStart < count)
        {
            int runEnd = runStart + 1;
            while (runEnd < count && sortedScores[runEnd] == sortedScores[runStart]) runEnd++;
            // 1-based ranks runStart+1 … runEnd share their mean.
            double averageRank = (runStart + 1 + runEnd) / 2.0;
            int positivesInRun = 0;
            for (int i = runStart; i < runEnd; i++)
                if (sortedLabels[i] == 1f) positivesInRun++;
            positiveRankSum += positivesInRun * averageRank;
            runStart = runEnd;
        }

        double mannWhitneyU = positiveRankSum - positiveCount * (positiveCount + 1.0) / 2.0;
        return mannWhitneyU / ((double)positiveCount * negativeCount);
    }
}
