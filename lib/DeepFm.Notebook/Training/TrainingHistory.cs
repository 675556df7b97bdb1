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

    /// <summary>Appends the record of the epoch that just finished.</summary>
    public void Add(EpochRecord record) => epochs.Add(record);
}
