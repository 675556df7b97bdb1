using System.Diagnostics;
using DeepFm.Notebook.Training;

namespace DeepFm.Benchmarks;

/// <summary>
/// Records the wall time of every epoch as the trainer reports it (and passes the report on), so the benchmark can
/// compare the median training epoch with the median raw step loop: medians resist the noise of a shared machine.
/// It also samples the process's working set after every epoch, to show whether memory stays flat.
/// </summary>
internal sealed class EpochTimer(IProgress<EpochRecord>? next) : IProgress<EpochRecord>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<TimeSpan> trainingOnlyEpochs = [];
    private readonly List<long> workingSetAfterEpoch = [];
    private TimeSpan previous;

    public void Report(EpochRecord value)
    {
        TimeSpan now = clock.Elapsed;
        if (value.ValidationAuc is null) trainingOnlyEpochs.Add(now - previous); // epochs without a validation
        previous = now;
        workingSetAfterEpoch.Add(Environment.WorkingSet);
        next?.Report(value);
    }

    /// <summary>Working set in bytes after epoch <paramref name="epoch"/> (1-based), or after the last one recorded.</summary>
    public long WorkingSetAfter(int epoch) =>
        workingSetAfterEpoch.Count == 0 ? 0 : workingSetAfterEpoch[Math.Clamp(epoch, 1, workingSetAfterEpoch.Count) - 1];

    /// <summary>Median wall time of the epochs that did not validate.</summary>
    public TimeSpan MedianTrainingEpoch =>
        trainingOnlyEpochs.Count == 0 ? TimeSpan.Zero : trainingOnlyEpochs.Order().ElementAt(trainingOnlyEpochs.Count / 2);
}
