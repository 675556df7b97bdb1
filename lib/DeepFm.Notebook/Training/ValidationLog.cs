using System.Globalization;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Progress for notebooks: one line per validated epoch (every 5th in the original schedule) with the training and
/// test metrics, so a 100-epoch run prints 20 short lines instead of 100. No timings, so a committed notebook's
/// output only changes when the numbers do.
/// </summary>
/// <example><code>
/// epoch   5  train loss 0.6667  train AUC 0.6005  |  test loss 0.6611  test AUC 0.6249
/// </code></example>
public sealed class ValidationLog(TextWriter? output = null) : IProgress<EpochRecord>
{
    private readonly TextWriter output = output ?? Console.Out;

    /// <summary>Writes the line of <paramref name="value"/> when that epoch ran a validation.</summary>
    public void Report(EpochRecord value)
    {
        if (value.ValidationAuc is null) return;
        output.WriteLine(Format(value));
        output.Flush();
    }

    /// <summary>The line for one validated epoch.</summary>
    public static string Format(EpochRecord record) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {record.Epoch,3}  train loss {record.TrainLoss:F4}  train AUC {record.TrainAuc:F4}  |  " +
        $"test loss {record.ValidationLoss:F4}  test AUC {record.ValidationAuc:F4}");
}
