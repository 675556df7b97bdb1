using System.Globalization;
using System.Text;

namespace DeepFm.Notebook.Training;

/// <summary>
/// A <see cref="TrainingHistory"/> as CSV, for readers and programs outside the notebook (a spreadsheet, the test that
/// checks the committed run): one row per epoch with the columns of <see cref="Header"/>, the validation cells empty
/// on epochs without a validation. Numbers are written in the invariant culture with every digit (round-trip), so a
/// reader gets exactly what the trainer measured.
/// </summary>
public static class TrainingHistoryCsv
{
    /// <summary>The first line of the file.</summary>
    public const string Header = "epoch,train_loss,train_auc,validation_loss,validation_auc";

    /// <summary>The whole file: <see cref="Header"/>, then one line per epoch, each ending in <c>\n</c>.</summary>
    public static string Format(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var record in history.Epochs)
        {
            text.Append(record.Epoch.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(record.TrainLoss)).Append(',')
                .Append(Number(record.TrainAuc)).Append(',')
                .Append(Number(record.ValidationLoss)).Append(',')
                .Append(Number(record.ValidationAuc)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Save(TrainingHistory history, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, Format(history));
    }

    // "R": the shortest text that reads back as the same double; an epoch without validation leaves the cell empty.
    private static string Number(double? value) =>
        value is double number ? number.ToString("R", CultureInfo.InvariantCulture) : "";
}
