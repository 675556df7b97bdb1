using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Trains a click-through-rate model that maps (categorical int64 [B, F], title tokens int64 [B, L]) to logits
/// float32 [B], with the original tutorial's recipe: Adagrad (or AdamW, <see cref="TrainerOptions.Optimizer"/>) on the
/// binary cross-entropy of the logit
/// (<c>BCEWithLogitsLoss</c>, the same maths as sigmoid + BCE but numerically safer), shuffled batches every epoch,
/// and a periodic validation on a second split (the original validates on its test split). Loss and AUC are measured over all rows of an epoch, not per batch.
/// The trainer keeps the optimiser state between calls, so <see cref="TrainEpoch"/> can also be driven by hand.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor, Tensor> model;
    private readonly IFlatOptimizer optimizer;
    private readonly BCEWithLogitsLoss lossFunction = nn.BCEWithLogitsLoss();
    private readonly PredictionBuffer trainPredictions = new();
    private readonly PredictionBuffer testPredictions = new();
    private readonly Stopwatch trainingClock = new();
    private readonly Stopwatch evaluationClock = new();

    /// <summary>
    /// Creates the optimiser for <paramref name="model"/>'s parameters. Nothing process-wide changes here: the thread
    /// count and the seed apply inside <see cref="Fit(IBatchSource, IBatchSource, IProgress{EpochRecord}?, CancellationToken)"/>.
    /// </summary>
    public Trainer(nn.Module<Tensor, Tensor, Tensor> model, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Options = options ?? new TrainerOptions();
        Options.Validate();
        this.model = model;
        // TorchSharp's optim.Adagrad and optim.AdamW compute the same updates parameter by parameter; these do it in one buffer.
        optimizer = Options.Optimizer switch
        {
            OptimizerKind.AdamW => new FlatAdamW(model.parameters(), Options.LearningRate, Options.WeightDecay),
            _ => new FlatAdagrad(model.parameters(), Options.LearningRate, Options.InitialAccumulator, Options.Epsilon),
        };
    }

    /// <summary>The options this trainer was created with.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Wall time spent in <see cref="TrainEpoch"/> so far (including its loss and AUC).</summary>
    public TimeSpan TrainingTime => trainingClock.Elapsed;

    /// <summary>Wall time spent in <see cref="Evaluate(IBatchSource, CancellationToken)"/> so far (including its loss and AUC).</summary>
    public TimeSpan EvaluationTime => evaluationClock.Elapsed;

    /// <summary>Logits and labels of the most recent <see cref="Evaluate(IBatchSource, CancellationToken)"/> call (for ROC curves and calibration plots).</summary>
    public PredictionBuffer LastEvaluation => testPredictions;

    /// <summary>Trains <paramref name="model"/> with a new trainer; see <see cref="Fit(IBatchSource, IBatchSource, IProgress{EpochRecord}?, CancellationToken)"/>.</summary>
    public static TrainingHistory Fit(nn.Module<Tensor, Tensor, Tensor> model, IBatchSource train, IBatchSource validation,
        TrainerOptions? options = null, IProgress<EpochRecord>? progress = null, CancellationToken cancellation = default)
    {
        using var trainer = new Trainer(model, options);
        return trainer.Fit(train, validation, progress, cancellation);
    }

    /// <summary>
    /// Runs <see cref="TrainerOptions.Epochs"/> epochs, validating every <see cref="TrainerOptions.ValidateEvery"/>
    /// epochs and after the last, reports each epoch to <paramref name="progress"/> (a console line, a notebook
    /// chart…), stops early if asked to, and restores the best weights if <see cref="TrainerOptions.KeepBestCheckpoint"/>.
    /// Runs inside one <see cref="TorchRuntime"/> scope with <see cref="TrainerOptions.Threads"/> threads and the global
    /// generator seeded with <see cref="TrainerOptions.Seed"/>; both are restored when it returns.
    /// </summary>
    public TrainingHistory Fit(IBatchSource train, IBatchSource validation, IProgress<EpochRecord>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        using var runtime = TorchRuntime.Open(threads: Options.Threads, seed: Options.Seed);
        var history = new TrainingHistory();
        using var bestWeights = Options.KeepBestCheckpoint ? new BestWeightsSnapshot(model) : null;
        double bestValidationAuc = double.NegativeInfinity;
        int validationsWithoutImprovement = 0;

        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            SplitMetrics trainMetrics = TrainEpoch(train, epoch, cancellation);
            bool validates = epoch % Options.ValidateEvery == 0 || epoch == Options.Epochs;
            SplitMetrics? validationMetrics = validates ? Evaluate(validation, cancellation) : null;

            var record = new EpochRecord(epoch, trainMetrics.Loss, trainMetrics.Auc, validationMetrics?.Loss, validationMetrics?.Auc);
            history.Add(record);
            progress?.Report(record);

            if (validationMetrics is not { } validated) continue;
            if (validated.Auc > bestValidationAuc)
            {
                bestValidationAuc = validated.Auc;
                validationsWithoutImprovement = 0;
                bestWeights?.Capture();
            }
            else if (++validationsWithoutImprovement >= Options.EarlyStoppingPatience)
            {
                break; // comparing with a null patience is false, so without early stopping we never get here
            }
        }

        bestWeights?.Restore();
        return history;
    }

    /// <summary>
    /// One pass over <paramref name="train"/> in batches of <see cref="TrainerOptions.TrainBatchSize"/>, shuffled with
    /// seed <c>Seed + epoch</c>: forward, loss, backward and an optimiser step per batch. Driven by hand (outside
    /// <see cref="Fit(IBatchSource, IBatchSource, IProgress{EpochRecord}?, CancellationToken)"/>), it uses the thread
    /// count in force: open <c>TorchRuntime.Open(threads: …)</c> around the loop to choose it. Returns the loss and AUC of the
    /// logits the model produced during the pass (before each batch's own update), like Keras's training metrics.
    /// </summary>
    public SplitMetrics TrainEpoch(IBatchSource train, int epoch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        trainPredictions.Reset(RequireRows(train, "training split"));
        model.train();
        trainingClock.Start();
        try
        {
            // The outer scope catches whatever the batch source allocates while enumerating; the inner one frees
            // each step's activations and gradients-graph as soon as the step is done. No garbage collection runs
            // during a step (TorchRuntime: a TorchSharp Scalar-lifetime bug); inside Fit this nests in Fit's scope.
            using var epochScope = torch.NewDisposeScope();
            using var runtime = TorchRuntime.Open();
            foreach (FeatureBatch batch in train.Batches(Options.TrainBatchSize, unchecked(Options.Seed + epoch)))
            {
                runtime.BetweenSteps();
                using var stepScope = torch.NewDisposeScope();
                using (batch)
                {
                    cancellation.ThrowIfCancellationRequested();
                    optimizer.ZeroGrad();
                    Tensor logits = model.call(batch.Categorical, batch.TitleTokens);
                    trainPredictions.Append(logits, batch.Labels);
                    lossFunction.call(logits, batch.Labels).backward();
                    optimizer.Step();
                }
            }
            DivergenceCheck.RequireFinite(trainPredictions.Logits, epoch, Options.LearningRate);
            var metrics = trainPredictions.Score("training split");
            DivergenceCheck.Require(metrics.Loss, epoch, Options.LearningRate);
            return metrics;
        }
        finally
        {
            trainingClock.Stop();
        }
    }

    /// <summary>
    /// Scores <paramref name="test"/> in its stored order, in batches of <see cref="TrainerOptions.TestBatchSize"/>:
    /// the static <see cref="Evaluate(nn.Module{Tensor, Tensor, Tensor}, IBatchSource, int, PredictionBuffer, CancellationToken, string)"/>
    /// pass plus a clock. The logits stay available in <see cref="LastEvaluation"/>.
    /// </summary>
    public SplitMetrics Evaluate(IBatchSource test, CancellationToken cancellation = default)
    {
        evaluationClock.Start();
        try
        {
            return Evaluate(model, test, Options.TestBatchSize, testPredictions, cancellation, "test split");
        }
        finally
        {
            evaluationClock.Stop();
        }
    }

    /// <summary>
    /// The one way the library scores a split, with or without a trainer (calibration and the recommendation runs
    /// score models without building an optimiser): <paramref name="model"/>'s logits and the labels of
    /// <paramref name="ratings"/> collected into <paramref name="predictions"/> (emptied first), in stored order and
    /// batches of <paramref name="batchSize"/>, in evaluation mode, without gradients, the collector paused
    /// (<see cref="TorchRuntime"/>); the model's mode comes back afterwards. Returns their loss and AUC
    /// (<paramref name="splitName"/> names the split in error messages).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ratings"/> is empty.</exception>
    public static SplitMetrics Evaluate(nn.Module<Tensor, Tensor, Tensor> model, IBatchSource ratings, int batchSize,
        PredictionBuffer predictions, CancellationToken cancellation = default, string splitName = "evaluated split")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        predictions.Reset(RequireRows(ratings, splitName));
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGradients = torch.no_grad();
            using var passScope = torch.NewDisposeScope();
            using var runtime = TorchRuntime.Open();
            foreach (FeatureBatch batch in ratings.Batches(batchSize))
            {
                runtime.BetweenSteps();
                using var batchScope = torch.NewDisposeScope();
                using (batch)
                {
                    cancellation.ThrowIfCancellationRequested();
                    predictions.Append(model.call(batch.Categorical, batch.TitleTokens), batch.Labels);
                }
            }
            return predictions.Score(splitName);
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }

    private static int RequireRows(IBatchSource source, string splitName) =>
        source.Count > 0
            ? source.Count
            : throw new ArgumentException($"The {splitName} has no examples; check the data split first.");

    /// <inheritdoc />
    public void Dispose()
    {
        optimizer.Dispose();
        lossFunction.Dispose();
    }
}
