using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// The protocol of notebooks 05 and 06, which never peeks at the test split: train on <see cref="ValidationSplit.Train"/>,
/// choose the epoch on <see cref="ValidationSplit.Validation"/> (the best validation AUC; early stopping if the
/// options ask for it), restore that epoch's weights, and only then score <see cref="ValidationSplit.Test"/>, once.
/// </summary>
public static class ValidationProtocol
{
    /// <summary>
    /// Trains <paramref name="model"/> (built with seed <c>options.Seed</c>) with <paramref name="options"/>
    /// (<see cref="TrainerOptions.KeepBestCheckpoint"/> forced on) and returns the run, named <paramref name="name"/>.
    /// The model keeps the chosen epoch's weights.
    /// </summary>
    public static ValidatedRun Run(string name, DeepFmModel model, ValidationSplit split, TrainerOptions options,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        // The test is scored with the same thread count the training used (Fit restores the count when it returns).
        using var runtime = TorchRuntime.Open(threads: options.Threads);
        using var trainer = new Trainer(model, options with { KeepBestCheckpoint = true });
        // The trainer's second split is the one it validates on: here the validation split, and it alone chooses the epoch.
        TrainingHistory history = trainer.Fit(split.Train, split.Validation, progress: null, cancellation);
        double trainingSeconds = (trainer.TrainingTime + trainer.EvaluationTime).TotalSeconds;
        EpochRecord chosen = history.Best!;
        SplitMetrics test = trainer.Evaluate(split.Test, cancellation);   // once, with the chosen epoch's weights
        return new ValidatedRun(name, options.Seed, chosen.Epoch, history.Last!.Epoch, chosen.ValidationAuc, test.Auc,
            test.Loss, model.ParameterCount, trainingSeconds, history);
    }
}
