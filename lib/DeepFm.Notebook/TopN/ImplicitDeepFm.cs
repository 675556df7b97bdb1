using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// A DeepFM trained on implicit feedback under notebook 05's protocol: it learns from the training part of a
/// <see cref="ValidationSplit"/> (every rating a positive, drawn negatives beside it, <see cref="ImplicitFeedback"/>),
/// chooses its epoch on the validation ratings against the same number of uniformly drawn unrated movies (AUC of
/// "watched" against "not watched"), keeps the weights of that epoch, and is scored once on a <see cref="RankingTask"/>.
/// </summary>
public sealed class ImplicitDeepFm : IDisposable
{
    /// <summary>Seeds the validation negatives: the same for every recipe and seed.</summary>
    public const int ValidationNegativesSeed = 0;

    private ImplicitDeepFm(DeepFmModel model, ImplicitRecipe recipe, int seed, TrainingHistory history, double seconds)
    {
        Model = model;
        Recipe = recipe;
        Seed = seed;
        History = history;
        TrainingSeconds = seconds;
    }

    /// <summary>The trained model, with the weights of its best validation.</summary>
    public DeepFmModel Model { get; }

    /// <summary>How it was trained.</summary>
    public ImplicitRecipe Recipe { get; }

    /// <summary>Seeded its initial weights, shuffling and negatives.</summary>
    public int Seed { get; }

    /// <summary>The epochs; the "test" columns hold the validation metrics (watched vs. drawn validation movies).</summary>
    public TrainingHistory History { get; }

    /// <summary>Wall time of training with its validations.</summary>
    public double TrainingSeconds { get; }

    /// <summary>Trains <paramref name="recipe"/> with <paramref name="seed"/> on the training part of <paramref name="split"/>.</summary>
    public static ImplicitDeepFm Train(MovieLensFeatures features, ValidationSplit split, ImplicitRecipe recipe, int seed,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(recipe);
        var training = new ImplicitFeedback(features, split.Train,
            new NegativeSampler(InteractionMatrix.From(split.Train), recipe.PopularityExponent), recipe.NegativesPerPositive);
        // Validation negatives avoid every movie the user rated in training or validation, and never change.
        var validation = new ImplicitFeedback(features, split.Validation,
            new NegativeSampler(InteractionMatrix.From(split.Train, split.Validation)), ImplicitRecipe.ValidationNegatives,
            fixedSeed: ValidationNegativesSeed);
        var model = new DeepFmModel(features.Schema, recipe.Model, seed);
        using var trainer = new Trainer(model, recipe.Training with { Seed = seed, KeepBestCheckpoint = true });
        TrainingHistory history = trainer.Fit(training, validation, progress: null, cancellation);
        return new ImplicitDeepFm(model, recipe, seed, history, (trainer.TrainingTime + trainer.EvaluationTime).TotalSeconds);
    }

    /// <summary>
    /// The run's row for a comparison table: the top-k metrics on <paramref name="task"/> and the AUC of P(watch) over
    /// the test ratings (does the model put a 4–5 star rating above a 1–3 star one?), both scored once.
    /// </summary>
    public ValidatedRun Score(string name, ValidationSplit split, RankingTask task, int k = TopKMetrics.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(task);
        var clock = Stopwatch.StartNew();
        TopKMetrics ranking = TopKMetrics.Evaluate(task, CandidateScores.Model(Model, task), k);
        double rankingSeconds = clock.Elapsed.TotalSeconds;
        double testAuc = Trainer.Evaluate(Model, split.Test, Recipe.Training.TestBatchSize, new PredictionBuffer()).Auc;
        EpochRecord chosen = History.Best!;
        return new ValidatedRun(name, Seed, chosen.Epoch, History.Last!.Epoch, chosen.ValidationAuc, testAuc, null,
            Model.ParameterCount, TrainingSeconds, History) { Ranking = ranking, RankingSeconds = rankingSeconds };
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
