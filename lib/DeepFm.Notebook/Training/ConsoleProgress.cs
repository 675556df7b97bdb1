using System.Diagnostics;
using System.Globalization;
using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Shows training progress in a console: a bar with the epoch, training loss and AUC that redraws in place, and a
/// permanent line for every validated epoch. When the output is redirected (a log file, CI), it writes one plain
/// line per epoch instead. In a notebook pass your own <see cref="IProgress{T}"/> of <see cref="EpochRecord"/>
/// to <see cref="Trainer.Fit(IBatchSource, IBatchSource, IProgress{EpochRecord}?, CancellationToken)"/>.
/// </summary>
public sealed class ConsoleProgress : IProgress<EpochRecord>
{
    private const int BarWidth = 24;
    private readonly int totalEpochs;
    private readonly TextWriter output;
    private readonly bool redrawInPlace;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>
    /// Progress for a run of <paramref name="totalEpochs"/> epochs, written to <paramref name="output"/>
    /// (the console by default; a writer other than the interactive console gets plain lines).
    /// </summary>
    public ConsoleProgress(int totalEpochs, TextWriter? output = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalEpochs, 1);
        this.totalEpochs = totalEpochs;
        this.output = output ?? Console.Out;
        redrawInPlace = output is null && !Console.IsOutputRedirected;
    }

    /// <inheritdoc />
    public void Report(EpochRecord value)
    {
        string line = Format(value);
        if (!redrawInPlace)
        {
            output.WriteLine(line);
            return;
        }
        // Validated epochs stay on screen; the others are overwritten by the next report.
        bool keepLine = value.ValidationAuc is not null || value.Epoch == totalEpochs;
        output.Write('\r' + line.PadRight(Math.Max(line.Length, Console.BufferWidth - 1)));
        if (keepLine) output.WriteLine();
        output.Flush();
    }

    /// <summary>The text of one report: bar, epoch, training metrics, test metrics if any, elapsed seconds.</summary>
    public string Format(EpochRecord record)
    {
        int filled = (int)Math.Round(BarWidth * Math.Clamp(record.Epoch / (double)totalEpochs, 0, 1));
        string bar = new string('#', filled) + new string('.', BarWidth - filled);
        string epochWidth = new('0', totalEpochs.ToString(CultureInfo.InvariantCulture).Length);
        string text = string.Create(CultureInfo.InvariantCulture,
            $"[{bar}] epoch {record.Epoch.ToString(epochWidth, CultureInfo.InvariantCulture)}/{totalEpochs}" +
            $"  loss {record.TrainLoss:F4}  auc {record.TrainAuc:F4}");
        if (record.ValidationAuc is double testAuc)
            text += string.Create(CultureInfo.InvariantCulture, $"  | test loss {record.ValidationLoss:F4}  auc {testAuc:F4}");
        return text + string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:F1} s");
    }
}
