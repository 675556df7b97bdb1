using System.Diagnostics;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Compares model variants (by default LR, FM, DNN and DeepFM) over seeds without peeking at the test split: each run
/// trains on <see cref="ValidationSplit.Train"/>, validates on <see cref="ValidationSplit.Validation"/>, keeps the
/// weights of its best validation (<see cref="TrainerOptions.KeepBestCheckpoint"/>), and only then is scored, once, on
/// the test split — AUC, log-loss, and the top-k metrics of a <see cref="RankingTask"/>. Two baselines are scored the
/// same way: popularity (most-liked in training) and a random order. <see cref="Summary"/> gives mean ± sd per model.
/// </summary>
public sealed class HonestComparison : IDisposable
{
    private readonly Dictionary<string, DeepFmModel> keptModels;

    private HonestComparison(IReadOnlyList<HonestRun> runs, Dictionary<string, DeepFmModel> models)
    {
        Results = runs;
        keptModels = models;
    }

    /// <summary>Every run: the variants seed by seed, then the baselines.</summary>
    public IReadOnlyList<HonestRun> Results { get; }

    /// <summary>The first seed's trained model of each variant, by name (when the comparison was asked to keep them).</summary>
    public IReadOnlyDictionary<string, DeepFmModel> Models => keptModels;

    /// <summary>The variant a practitioner would pick: the highest mean validation AUC (the test split plays no part).</summary>
    public string ChosenVariant => Results.Where(run => run.ValidationAuc is not null)
        .GroupBy(run => run.Model).MaxBy(group => group.Average(run => run.ValidationAuc!.Value))!.Key;

    /// <summary>One row per run, numbers rounded for reading (AUC, loss and metrics 4 decimals, seconds 1).</summary>
    public DataFrame Runs => HonestComparisonTables.Runs(Results);

    /// <summary>One row per model and baseline: "mean ± sample sd" over its seeds, rounded as in <see cref="Runs"/>.</summary>
    public DataFrame Summary => HonestComparisonTables.Summary(Results);

    /// <summary>
    /// Trains every variant with every seed on <paramref name="split"/> with <paramref name="options"/> (its Seed is
    /// replaced by each run's; <see cref="TrainerOptions.KeepBestCheckpoint"/> is forced on), then scores the baselines.
    /// With <paramref name="keepModels"/> the first seed's model of each variant is kept in <see cref="Models"/>.
    /// </summary>
    public static HonestComparison Run(ValidationSplit split, RankingTask task, TrainerOptions options,
        IReadOnlyList<DeepFmOptions>? variants = null, IReadOnlyList<int>? seeds = null, Action<string>? progress = null,
        bool keepModels = false, int k = RankingScores.DefaultK, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        variants ??= DeepFmOptions.Presets;
        seeds ??= [42, 43, 44];
        if (variants.Count == 0 || seeds.Count == 0)
            throw new ArgumentException("Give at least one variant and one seed.", variants.Count == 0 ? nameof(variants) : nameof(seeds));

        var runs = new List<HonestRun>();
        var models = new Dictionary<string, DeepFmModel>();
        foreach (DeepFmOptions variant in variants)
        {
            foreach (int seed in seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                var model = new DeepFmModel(split.Train.Schema, variant, seed);
                HonestRun run = TrainAndScore(model, split, task, options with { Seed = seed, KeepBestCheckpoint = true }, k, cancellation);
                runs.Add(run);
                progress?.Invoke(Describe(run));
                if (keepModels && !models.ContainsKey(variant.Name)) models[variant.Name] = model;
                else model.Dispose();
            }
        }
        foreach (HonestRun baseline in Baselines(split, task, seeds, k))
        {
            runs.Add(baseline);
            progress?.Invoke(Describe(baseline));
        }
        return new HonestComparison(runs, models);
    }

    private static HonestRun TrainAndScore(DeepFmModel model, ValidationSplit split, RankingTask task,
        TrainerOptions options, int k, CancellationToken cancellation)
    {
        using var trainer = new Trainer(model, options);
        // The trainer calls its second split "test"; here it is the validation split, and it alone chooses the epoch.
        TrainingHistory history = trainer.Fit(split.Train, split.Validation, progress: null, cancellation);
        double trainingSeconds = (trainer.TrainingTime + trainer.EvaluationTime).TotalSeconds;
        EpochRecord chosen = history.Best!;
        SplitMetrics test = trainer.Evaluate(split.Test, cancellation);   // once, with the chosen weights

        var clock = Stopwatch.StartNew();
        RankingScores ranking = RankingScores.Evaluate(task, RankingScorers.Model(model, task), k);
        return new HonestRun(model.Options.Name, options.Seed, chosen.Epoch, history.Last!.Epoch, chosen.TestAuc, test.Auc,
            test.Loss, ranking, model.ParameterCount, trainingSeconds, clock.Elapsed.TotalSeconds, history);
    }

    private static IEnumerable<HonestRun> Baselines(ValidationSplit split, RankingTask task, IReadOnlyList<int> seeds, int k)
    {
        float[] labels = split.Test.Labels.ToArray();
        int[] testMovies = Enumerable.Range(0, split.Test.Count).Select(row => (int)split.Test.CategoricalRow(row)[task.MovieField]).ToArray();

        var clock = Stopwatch.StartNew();
        RankingScores popular = RankingScores.Evaluate(task, RankingScorers.Popularity(task), k);
        double popularAuc = RocAuc.Compute(testMovies.Select(movie => (float)task.TrainingLikes[movie]).ToArray(), labels);
        yield return new HonestRun("popularity", null, null, null, null, popularAuc, null, popular, 0, null, clock.Elapsed.TotalSeconds, null);

        foreach (int seed in seeds)
        {
            clock.Restart();
            RankingScores random = RankingScores.Evaluate(task, RankingScorers.Random(task, seed), k);
            var generator = new Random(seed);
            double randomAuc = RocAuc.Compute(labels.Select(_ => generator.NextSingle()).ToArray(), labels);
            yield return new HonestRun("random", seed, null, null, null, randomAuc, null, random, 0, null, clock.Elapsed.TotalSeconds, null);
        }
    }

    private static string Describe(HonestRun run) =>
        $"{run.Model,-10} seed {run.Seed?.ToString() ?? "-",-3}" +
        (run.ChosenEpoch is int epoch ? $" epoch {epoch,3} (validation AUC {run.ValidationAuc:F4})" : "") +
        $"  test AUC {run.TestAuc:F4}  NDCG@{run.Ranking.K} {run.Ranking.Ndcg:F4}  P@{run.Ranking.K} {run.Ranking.Precision:F4}" +
        (run.TrainingSeconds is double seconds ? $"  train {seconds:F1} s," : "") + $"  rank {run.RankingSeconds:F1} s";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (DeepFmModel model in keptModels.Values) model.Dispose();
        keptModels.Clear();
    }
}
