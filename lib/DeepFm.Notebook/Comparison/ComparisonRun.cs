using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Comparison;

/// <summary>
/// One training run of a <see cref="ModelComparison"/>: which model variant and seed, what it scored on the test split
/// and what it cost. "Final" is the last validated epoch (the model as training left it); "best" is the validated
/// epoch with the highest test AUC.
/// </summary>
/// <param name="Variant">The variant's <see cref="Model.DeepFmOptions.Name"/> ("LR", "FM", "DNN", "DeepFM").</param>
/// <param name="Seed">Seeds the initial weights and the trainer's shuffling.</param>
/// <param name="FinalTestAuc">Test AUC at the last validated epoch.</param>
/// <param name="FinalTestLoss">Test log-loss at the last validated epoch.</param>
/// <param name="BestTestAuc">Highest test AUC of any validated epoch.</param>
/// <param name="BestEpoch">The (earliest) epoch that reached <paramref name="BestTestAuc"/>.</param>
/// <param name="ParameterCount">Trainable values of the model.</param>
/// <param name="Seconds">Wall time of training plus validation (Trainer.TrainingTime + EvaluationTime).</param>
/// <param name="History">Every epoch's metrics, for curves.</param>
public sealed record ComparisonRun(
    string Variant, int Seed, double FinalTestAuc, double FinalTestLoss, double BestTestAuc, int BestEpoch,
    long ParameterCount, double Seconds, TrainingHistory History)
{
    /// <summary>Reads the final and best test metrics off a finished run's history.</summary>
    public static ComparisonRun From(string variant, int seed, long parameterCount, double seconds, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        EpochRecord final = history.LastValidated
            ?? throw new ArgumentException($"Run {variant} (seed {seed}) has no validated epoch, so no test metrics.", nameof(history));
        EpochRecord best = history.Best!;
        return new ComparisonRun(variant, seed, final.TestAuc!.Value, final.TestLoss!.Value, best.TestAuc!.Value,
            best.Epoch, parameterCount, seconds, history);
    }
}
