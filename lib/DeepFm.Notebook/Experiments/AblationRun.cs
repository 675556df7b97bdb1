namespace DeepFm.Notebook.Experiments;

/// <summary>
/// One trained run of a <see cref="Recipe"/>: the epoch chosen on the validation split, its validation AUC, and the
/// test AUC and log-loss of those weights, measured once.
/// </summary>
/// <param name="Recipe">The recipe's name.</param>
/// <param name="Seed">The seed of the weights and of the batch order.</param>
/// <param name="ChosenEpoch">The epoch with the best validation AUC, whose weights were kept.</param>
/// <param name="LastEpoch">The epoch training stopped after (early stopping or the epoch limit).</param>
/// <param name="ValidationAuc">The validation AUC at <paramref name="ChosenEpoch"/>.</param>
/// <param name="TestAuc">The test AUC of the kept weights.</param>
/// <param name="TestLoss">The test log-loss of the kept weights.</param>
/// <param name="ParameterCount">Trainable values of the model.</param>
/// <param name="Seconds">Wall time of training and evaluation.</param>
public sealed record AblationRun(string Recipe, int Seed, int ChosenEpoch, int LastEpoch, double ValidationAuc,
    double TestAuc, double TestLoss, long ParameterCount, double Seconds);
