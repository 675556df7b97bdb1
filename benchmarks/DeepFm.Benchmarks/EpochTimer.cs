using System.Diagnostics;
using DeepFm.Notebook.Training;

namespace DeepFm.Benchmarks;

/// <summary>
/// Records the wall time of every epoch as the trainer reports it (and passes the report on), so the benchmark can
/// compare the median training epoch with the median raw step loop: medians resist the noise of a shared machine.
/// </summary>
internal sealed class EpochTimer(IProgress<EpochRecord>? next) : IProgress<EpochRecord>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<TimeSpan> trainingOnlyEpochs = [];
    private TimeSpan previous;

    public void Report(EpochRecord value)
    {
        TimeSpan now = clock.Elapsed;
        if (value.TestAuc is null) trainingOnlyEpochs.Add(now - previous); // epochs without a validation
        previous = now;
        next?.Report(value);
    }

    /// <summary>Median wall time of the epochs that did not validate.</summary>
    public TimeSpan MedianTrainingEpoch =>
        trainingOnlyEpochs.Count == 0 ? TimeSpan.Zero : trainingOnlyEpochs.Order().ElementAt(trainingOnlyEpochs.Count / 2);
}
