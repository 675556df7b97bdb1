using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Training;

/// <summary>
/// What one epoch measured: the mean training loss and the training AUC over all rows of the epoch, and, on
/// epochs that ran a validation, the test loss and AUC over all test rows (null otherwise).
/// </summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAuc, double? TestLoss, double? TestAuc);

/// <summary>The per-epoch record of a training run, in epoch order.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> epochs = [];

    /// <summary>Every epoch recorded so far.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>The most recent epoch, or null before the first one.</summary>
    public EpochRecord? Last => epochs.Count == 0 ? null : epochs[^1];

    /// <summary>The validated epoch with the highest test AUC (the earliest on ties), or null if none was validated.</summary>
    public EpochRecord? Best => epochs.Where(record => record.TestAuc is not null)
        .MaxBy(record => record.TestAuc!.Value);

    /// <summary>The most recent validated epoch, or null if none was validated.</summary>
    public EpochRecord? LastValidated => epochs.LastOrDefault(record => record.TestAuc is not null);

    /// <summary>Appends the record of the epoch that just finished.</summary>
    public void Add(EpochRecord record) => epochs.Add(record);

    /// <summary>
    /// The history as a table with one row per epoch and the columns <c>epoch</c>, <c>train_loss</c>,
    /// <c>train_auc</c>, <c>test_loss</c> and <c>test_auc</c> (the last two empty on epochs without validation),
    /// named like the Keras history of the original.
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new PrimitiveDataFrameColumn<int>("epoch", epochs.Select(record => record.Epoch)),
        new PrimitiveDataFrameColumn<double>("train_loss", epochs.Select(record => record.TrainLoss)),
        new PrimitiveDataFrameColumn<double>("train_auc", epochs.Select(record => record.TrainAuc)),
        new PrimitiveDataFrameColumn<double>("test_loss", epochs.Select(record => record.TestLoss)),
        new PrimitiveDataFrameColumn<double>("test_auc", epochs.Select(record => record.TestAuc)));
}
