using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

public class TrainingHistoryCsvTests
{
    [Fact]
    public void WritesOneRowPerEpochWithEmptyValidationCellsBetweenValidations()
    {
        var history = new TrainingHistory();
        history.Add(new EpochRecord(1, 0.5, 0.25, null, null));
        history.Add(new EpochRecord(2, 0.125, 0.75, 0.6875, 0.0625));

        // Binary fractions, so the expected text is exact; the header is what the committed-run test reads.
        Assert.Equal(
            "epoch,train_loss,train_auc,validation_loss,validation_auc\n" +
            "1,0.5,0.25,,\n" +
            "2,0.125,0.75,0.6875,0.0625\n",
            TrainingHistoryCsv.Format(history));
    }

    [Fact]
    public void KeepsEveryDigitAndIgnoresTheCurrentCulture()
    {
        var history = new TrainingHistory();
        history.Add(new EpochRecord(1, 0.1 + 0.2, 2.0 / 3.0, null, null));
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            string row = TrainingHistoryCsv.Format(history).Split('\n')[1];
            var cells = row.Split(',');
            Assert.Equal(0.1 + 0.2, double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2.0 / 3.0, double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void SaveCreatesTheFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "deepfm-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            var history = new TrainingHistory();
            history.Add(new EpochRecord(1, 0.5, 0.5, 0.5, 0.5));
            string path = Path.Combine(folder, "assets", "deepfm_history.csv");
            TrainingHistoryCsv.Save(history, path);
            Assert.Equal(TrainingHistoryCsv.Format(history), File.ReadAllText(path));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
