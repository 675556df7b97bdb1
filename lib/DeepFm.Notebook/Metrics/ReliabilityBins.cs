namespace DeepFm.Notebook.Metrics;

/// <summary>One bin of a reliability diagram: the predictions that fell in [Low, High).</summary>
/// <param name="Low">The bin's lower edge.</param>
/// <param name="High">The bin's upper edge (1 is included in the last bin).</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanPredicted">Their mean predicted probability.</param>
/// <param name="ObservedShare">The share of them whose label is 1 (here: rated 4 or 5 stars).</param>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanPredicted, double ObservedShare);

/// <summary>
/// Calibration, binned: AUC only asks whether positives score above negatives, so a model can rank well and still say
/// "0.9" where only 70 % come true. Split the predictions into equal-width probability bins and compare, in each, the
/// mean prediction with the share of positives; a calibrated model lies on the diagonal. The expected calibration
/// error sums the gaps weighted by the bins' sizes: ECE = Σ_b (n_b / n) · |observed_b − predicted_b|.
/// </summary>
public static class ReliabilityBins
{
    /// <summary>The non-empty bins of <paramref name="probabilities"/> against 0/1 <paramref name="labels"/>.</summary>
    public static IReadOnlyList<ReliabilityBin> Compute(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, int bins = 10)
    {
        if (probabilities.Length != labels.Length || probabilities.Length == 0)
            throw new ArgumentException($"Give one label per probability ({probabilities.Length} probabilities, {labels.Length} labels), at least one.", nameof(labels));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var predictedSums = new double[bins];
        var positiveSums = new double[bins];
        for (int i = 0; i < probabilities.Length; i++)
        {
            float probability = probabilities[i];
            if (!(probability >= 0f && probability <= 1f))
                throw new ArgumentException($"Probability {probability} at row {i} is not in [0, 1]; pass σ(logit), not the logit.", nameof(probabilities));
            int bin = Math.Min((int)(probability * bins), bins - 1);
            counts[bin]++;
            predictedSums[bin] += probability;
            positiveSums[bin] += labels[i];
        }
        return Enumerable.Range(0, bins).Where(bin => counts[bin] > 0)
            .Select(bin => new ReliabilityBin((double)bin / bins, (double)(bin + 1) / bins, counts[bin],
                predictedSums[bin] / counts[bin], positiveSums[bin] / counts[bin]))
            .ToList();
    }

    /// <summary>The expected calibration error of <paramref name="bins"/>: Σ_b (n_b / n) · |observed_b − predicted_b|.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        double total = bins.Sum(bin => (double)bin.Count);
        return bins.Sum(bin => bin.Count / total * Math.Abs(bin.ObservedShare - bin.MeanPredicted));
    }
}
