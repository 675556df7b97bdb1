namespace DeepFm.Notebook.Metrics;

/// <summary>
/// Mean binary log-loss (binary cross-entropy) over all examples:
/// <c>−(1/n) Σ [y·log p + (1 − y)·log(1 − p)]</c>, accumulated in double precision.
/// <see cref="FromLogits"/> is the form the trainer uses; it is the same quantity as
/// <c>BCEWithLogitsLoss</c> and never takes the log of zero.
/// </summary>
public static class LogLoss
{
    /// <summary>
    /// Probabilities are clipped to [ε, 1 − ε] before the logarithm so that a confident mistake costs a large
    /// but finite amount; 1e-7 is the epsilon the Keras binary cross-entropy of the original uses.
    /// </summary>
    public const double DefaultEpsilon = 1e-7;

    /// <summary>Mean log-loss of probabilities in [0, 1] (length n) against labels in [0, 1] (length n).</summary>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, or a value lies outside [0, 1].</exception>
    public static double FromProbabilities(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels,
        double epsilon = DefaultEpsilon)
    {
        CheckLengths(probabilities.Length, labels.Length, "probabilities");
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "LogLoss: epsilon must lie in (0, 0.5).");

        double total = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double probability = probabilities[i];
            if (!(probability >= 0 && probability <= 1))
                throw new ArgumentException(
                    $"LogLoss.FromProbabilities: probability[{i}] = {probability} is not in [0, 1]; " +
                    "if these are logits, call LogLoss.FromLogits.", nameof(probabilities));
            double label = CheckLabel(labels[i], i);
            double clipped = Math.Clamp(probability, epsilon, 1 - epsilon);
            total -= label * Math.Log(clipped) + (1 - label) * Math.Log(1 - clipped);
        }
        return total / probabilities.Length;
    }

    /// <summary>Mean log-loss of logits z (length n, p = σ(z)) against labels in [0, 1] (length n).</summary>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, a logit is NaN or a label lies outside [0, 1].</exception>
    public static double FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> labels)
    {
        CheckLengths(logits.Length, labels.Length, "logits");
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double logit = logits[i];
            if (double.IsNaN(logit))
                throw new ArgumentException(
                    $"LogLoss.FromLogits: logit[{i}] is NaN; the model has probably diverged (try a smaller learning rate).",
                    nameof(logits));
            double label = CheckLabel(labels[i], i);
            // −[y·log σ(z) + (1−y)·log(1−σ(z))] = max(z, 0) − z·y + log(1 + e^(−|z|)): no overflow, no log(0).
            total += Math.Max(logit, 0) - logit * label + Math.Log(1 + Math.Exp(-Math.Abs(logit)));
        }
        return total / logits.Length;
    }

    private static void CheckLengths(int valueCount, int labelCount, string valueName)
    {
        if (valueCount != labelCount)
            throw new ArgumentException($"LogLoss: {valueCount} {valueName} but {labelCount} labels; pass one per label.");
        if (valueCount == 0)
            throw new ArgumentException("LogLoss: no examples; the mean log-loss of an empty set is undefined.");
    }

    private static double CheckLabel(float label, int index) =>
        label is >= 0f and <= 1f
            ? label
            : throw new ArgumentException($"LogLoss: label[{index}] = {label} is not in [0, 1].", "labels");
}
