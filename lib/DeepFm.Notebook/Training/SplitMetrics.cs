namespace DeepFm.Notebook.Training;

/// <summary>
/// What one pass over a split measured: the mean binary log-loss and the exact ROC AUC over all
/// <paramref name="Count"/> rows (not an average of per-batch values).
/// </summary>
public readonly record struct SplitMetrics(double Loss, double Auc, int Count);
