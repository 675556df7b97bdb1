using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Training;

/// <summary>
/// What one epoch measured: the mean training loss and the training AUC over all rows of the epoch, and, on
/// epochs that ran a validation, the loss and AUC over all rows of the split the trainer validates on (null
/// otherwise). That split is the caller's choice: the original's test split in notebook 04, a validation split
/// carved from the training ratings in notebooks 05 and 06 (<c>ValidationProtocol</c>).
/// </summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAuc, double? ValidationLoss, double? ValidationAuc);

/// <summary>The per-epoch record of a training run, in epoch order.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> epochs = [];

    /// <summary>Every epoch recorded so far.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>The most recent epoch, or null before the first one.</summary>
    public EpochRecord? Last => epochs.Count == 0 ? null : epochs[^1];

    /// <summary>The validated epoch with the highest validation AUC (the earliest on ties), or null if none was validated.</summary>
    public EpochRecord? Best => epochs.Where(record => record.ValidationAuc is not null)
        .MaxBy(record => record.ValidationAuc!.Value);

    /// <summary>The most recent validated epoch, or null if none was validated.</summary>
    public EpochRecord? LastValidated => epochs.LastOrDefault(record => record.ValidationAuc is not null);

    /// <summary>Appends the record of the epoch that just finished.</summary>
    public void Add(EpochRecord record) => epochs.Add(record);

    /// <summary>
    /// The history as a table with one row per epoch and the columns <c>epoch</c>, <c>train_loss</c>,
    /// <c>train_auc</c>, <c>validation_loss</c> and <c>validation_auc</c> (the last two empty on epochs without
    /// validation).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new PrimitiveDataFrameColumn<int>("epoch", epochs.Select(record => record.Epoch)),
        new PrimitiveDataFrameColumn<double>("train_loss", epochs.Select(record => record.TrainLoss)),
        new PrimitiveDataFrameColumn<double>("train_auc", epochs.Select(record => record.TrainAuc)),
        new PrimitiveDataFrameColumn<double>("validation_loss", epochs.Select(record => record.ValidationLoss)),
        new PrimitiveDataFrameColumn<double>("validation_auc", epochs.Select(record => record.ValidationAuc)));
}
