using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// One run of the <see cref="ValidationProtocol"/>: a model trained on the training part with its epoch chosen on the
/// validation split, then scored once on the test split — or a baseline of <see cref="ModelComparison"/>
/// (popularity, random), which has no epoch, no validation and no loss. Notebook 05's comparison and notebook 06's
/// ablation both record their runs as this.
/// </summary>
/// <param name="Model">The variant ("LR", "FM", "DNN", "DeepFM"), the ablation's recipe name, or a baseline ("popularity", "random").</param>
/// <param name="Seed">Seeds the initial weights and the shuffling (the random baseline: its order); null for popularity.</param>
/// <param name="ChosenEpoch">The validated epoch with the best validation AUC, whose weights were scored on test.</param>
/// <param name="EpochsTrained">Epochs run before training ended (early stopping may end it before the schedule).</param>
/// <param name="ValidationAuc">Validation AUC at the chosen epoch.</param>
/// <param name="TestAuc">Test AUC of the chosen weights (a baseline: of its scores on the test ratings).</param>
/// <param name="TestLoss">Test log-loss of the chosen weights.</param>
/// <param name="Parameters">Trainable values (0 for a baseline).</param>
/// <param name="TrainingSeconds">Wall time of training and its validations (null for a baseline).</param>
/// <param name="History">The epochs of training; its validation columns are the validation split's.</param>
public sealed record ValidatedRun(
    string Model, int? Seed, int? ChosenEpoch, int? EpochsTrained, double? ValidationAuc, double TestAuc,
    double? TestLoss, long Parameters, double? TrainingSeconds, TrainingHistory? History)
{
    /// <summary>Top-k metrics of the chosen weights on a <see cref="RankingTask"/> (notebook 05; null in the ablation).</summary>
    public TopKMetrics? Ranking { get; init; }

    /// <summary>Wall time of scoring every candidate of every user and computing the top-k metrics (null without <see cref="Ranking"/>).</summary>
    public double? RankingSeconds { get; init; }
}
