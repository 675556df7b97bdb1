using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Training;

public class TrainingHistoryTests
{
    private static TrainingHistory ThreeEpochs()
    {
        var history = new TrainingHistory();
        history.Add(new EpochRecord(1, 0.69, 0.55, null, null));
        history.Add(new EpochRecord(2, 0.60, 0.70, 0.62, 0.72));
        history.Add(new EpochRecord(3, 0.55, 0.75, 0.61, 0.71));
        return history;
    }

    [Fact]
    public void BestIsTheValidatedEpochWithTheHighestTestAucAndLastIsTheLatest()
    {
        var history = ThreeEpochs();
        Assert.Equal(2, history.Best!.Epoch);
        Assert.Equal(3, history.Last!.Epoch);
        Assert.Equal(3, history.LastValidated!.Epoch);
        history.Add(new EpochRecord(4, 0.5, 0.8, 0.7, 0.72)); // a tie keeps the earliest
        Assert.Equal(2, history.Best!.Epoch);
    }

    [Fact]
    public void AnEmptyOrUnvalidatedHistoryHasNoBest()
    {
        var history = new TrainingHistory();
        Assert.Null(history.Best);
        Assert.Null(history.Last);
        history.Add(new EpochRecord(1, 0.69, 0.55, null, null));
        Assert.Null(history.Best);
        Assert.Null(history.LastValidated);
    }

    [Fact]
    public void ToDataFrameHasOneRowPerEpochAndEmptyTestCellsWithoutValidation()
    {
        DataFrame frame = ThreeEpochs().ToDataFrame();

        Assert.Equal(["epoch", "train_loss", "train_auc", "validation_loss", "validation_auc"], frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(2, frame["epoch"][1]);
        Assert.Equal(0.60, frame["train_loss"][1]);
        Assert.Equal(0.75, frame["train_auc"][2]);
        Assert.Null(frame["validation_auc"][0]);
        Assert.Equal(1, frame["validation_loss"].NullCount);
        Assert.Equal(0.71, frame["validation_auc"][2]);
    }
}
