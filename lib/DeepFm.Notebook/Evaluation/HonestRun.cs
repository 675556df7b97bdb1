using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// One run of a <see cref="HonestComparison"/>: a model trained on the training part with its epoch chosen on the
/// validation split, then scored once on the test split — or a baseline (popularity, random), which has no epoch,
/// no validation and no loss.
/// </summary>
/// <param name="Model">"LR", "FM", "DNN", "DeepFM", "popularity" or "random".</param>
/// <param name="Seed">Seeds the initial weights and the shuffling (the random baseline: its order); null for popularity.</param>
/// <param name="ChosenEpoch">The validated epoch with the best validation AUC, whose weights were scored on test.</param>
/// <param name="EpochsTrained">Epochs run before training ended (early stopping may end it before the schedule).</param>
/// <param name="ValidationAuc">Validation AUC at the chosen epoch.</param>
/// <param name="TestAuc">Test AUC of the chosen weights (a baseline: of its scores on the test ratings).</param>
/// <param name="TestLoss">Test log-loss of the chosen weights.</param>
/// <param name="Ranking">Top-k metrics of the chosen weights on the <see cref="RankingTask"/>.</param>
/// <param name="Parameters">Trainable values (0 for a baseline).</param>
/// <param name="TrainingSeconds">Wall time of training and its validations (null for a baseline).</param>
/// <param name="RankingSeconds">Wall time of scoring every candidate of every user and computing the top-k metrics.</param>
/// <param name="History">The epochs of training; its "test" columns hold the VALIDATION metrics here.</param>
public sealed record HonestRun(
    string Model, int? Seed, int? ChosenEpoch, int? EpochsTrained, double? ValidationAuc, double TestAuc,
    double? TestLoss, RankingScores Ranking, long Parameters, double? TrainingSeconds, double RankingSeconds,
    TrainingHistory? History);
