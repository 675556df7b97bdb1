using System.Globalization;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// <c>assets/deepfm_history.csv</c>: the per-epoch history of notebook 04's seed-42 run, the numbers the tutorial
/// quotes. Columns <c>epoch, train_loss, train_auc, validation_loss, validation_auc</c>; the validation columns are
/// empty on epochs without a validation (in the original's schedule the "validation" is the test split, every 5
/// epochs). Read by name, so the column order and the number format (any invariant-culture double) may change.
/// </summary>
internal static class CommittedHistory
{
    public const string RelativePath = "assets/deepfm_history.csv";

    private static readonly string[] Columns = ["epoch", "train_loss", "train_auc", "validation_loss", "validation_auc"];

    public static string PathInRepository() =>
        Path.Combine(LibraryBuild.FindRepositoryRoot(AppContext.BaseDirectory), RelativePath);

    public static IReadOnlyList<EpochRecord> Read(string path)
    {
        if (!File.Exists(path))
            Assert.Fail($"{RelativePath} is missing at {path}: it is written by notebook 04 (or by the heavy test with "
                + $"{OriginalScheduleHeavyTests.WriteHistoryVariable} set).");
        string[] lines = File.ReadAllLines(path).Where(line => line.Length > 0).ToArray();
        string[] header = lines[0].Split(',').Select(name => name.Trim().Trim('"')).ToArray();
        int[] at = Columns.Select(name => Array.IndexOf(header, name)).ToArray();
        if (at.Any(index => index < 0))
            Assert.Fail($"{path} must have the columns {string.Join(", ", Columns)}; its header is '{lines[0]}'.");
        return lines.Skip(1).Select(line =>
        {
            string[] cells = line.Split(',');
            return new EpochRecord(int.Parse(cells[at[0]], CultureInfo.InvariantCulture),
                Number(cells[at[1]])!.Value, Number(cells[at[2]])!.Value, Number(cells[at[3]]), Number(cells[at[4]]));
        }).ToArray();
    }

    /// <summary>Writes <paramref name="history"/> in the committed format, every double round-trippable.</summary>
    public static void Write(TrainingHistory history, string path)
    {
        var lines = new List<string> { string.Join(",", Columns) };
        lines.AddRange(history.Epochs.Select(record => string.Join(",",
            record.Epoch.ToString(CultureInfo.InvariantCulture), Text(record.TrainLoss), Text(record.TrainAuc),
            Text(record.ValidationLoss), Text(record.ValidationAuc))));
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    private static double? Number(string cell)
    {
        cell = cell.Trim().Trim('"');
        return cell.Length == 0 ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
