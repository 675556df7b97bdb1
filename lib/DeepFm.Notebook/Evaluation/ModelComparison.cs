using System.Diagnostics;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Compares model variants (by default LR, FM, DNN and DeepFM) over seeds without peeking at the test split: each run
/// follows the <see cref="ValidationProtocol"/> (train, choose the epoch on validation, score the test once) and is
/// then ranked with the top-k metrics of a <see cref="RankingTask"/>. Two baselines are scored the
/// same way: popularity (most-liked in training) and a random order. <see cref="Summary"/> gives mean ± sd per model.
/// </summary>
public sealed class ModelComparison : IDisposable
{
    private readonly Dictionary<string, DeepFmModel> keptModels;

    private ModelComparison(IReadOnlyList<ValidatedRun> runs, Dictionary<string, DeepFmModel> models)
    {
        Results = runs;
        keptModels = models;
    }

    /// <summary>Every run: the variants seed by seed, then the baselines.</summary>
    public IReadOnlyList<ValidatedRun> Results { get; }

    /// <summary>The first seed's trained model of each variant, by name (when the comparison was asked to keep them).</summary>
    public IReadOnlyDictionary<string, DeepFmModel> Models => keptModels;

    /// <summary>The variant a practitioner would pick: the highest mean validation AUC (the test split plays no part).</summary>
    public string ChosenVariant => Results.Where(run => run.ValidationAuc is not null)
        .GroupBy(run => run.Model).MaxBy(group => group.Average(run => run.ValidationAuc!.Value))!.Key;

    /// <summary>One row per run, numbers rounded for reading (AUC, loss and metrics 4 decimals, seconds 1).</summary>
    public DataFrame Runs => ModelComparisonTables.Runs(Results);

    /// <summary>One row per model and baseline: "mean ± sample sd" over its seeds, rounded as in <see cref="Runs"/>.</summary>
    public DataFrame Summary => ModelComparisonTables.Summary(Results);

    /// <summary>
    /// Trains every variant with every seed on <paramref name="split"/> with <paramref name="options"/> (its Seed is
    /// replaced by each run's; <see cref="TrainerOptions.KeepBestCheckpoint"/> is forced on), then scores the baselines.
    /// With <paramref name="keepModels"/> the first seed's model of each variant is kept in <see cref="Models"/>.
    /// </summary>
    public static ModelComparison Run(ValidationSplit split, RankingTask task, TrainerOptions options,
        IReadOnlyList<DeepFmOptions>? variants = null, IReadOnlyList<int>? seeds = null, Action<string>? progress = null,
        bool keepModels = false, int k = TopKMetrics.DefaultK, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        variants ??= DeepFmOptions.Presets;
        seeds ??= [42, 43, 44];
        if (variants.Count == 0 || seeds.Count == 0)
            throw new ArgumentException("Give at least one variant and one seed.", variants.Count == 0 ? nameof(variants) : nameof(seeds));

        // One scope for the whole comparison: the ranking runs with the same thread count as the training.
        using var runtime = TorchRuntime.Open(threads: options.Threads);
        var runs = new List<ValidatedRun>();
        var models = new Dictionary<string, DeepFmModel>();
        foreach (DeepFmOptions variant in variants)
        {
            foreach (int seed in seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                var model = new DeepFmModel(split.Train.Schema, variant, seed);
                ValidatedRun run = TrainAndScore(model, split, task, options with { Seed = seed }, k, cancellation);
                runs.Add(run);
                progress?.Invoke(Describe(run));
                if (keepModels && !models.ContainsKey(variant.Name)) models[variant.Name] = model;
                else model.Dispose();
            }
        }
        foreach (ValidatedRun baseline in Baselines(split, task, seeds, k))
        {
            runs.Add(baseline);
            progress?.Invoke(Describe(baseline));
        }
        return new ModelComparison(runs, models);
    }

    private static ValidatedRun TrainAndScore(DeepFmModel model, ValidationSplit split, RankingTask task,
        TrainerOptions options, int k, CancellationToken cancellation)
    {
        ValidatedRun run = ValidationProtocol.Run(model.Options.Name, model, split, options, cancellation);
        var clock = Stopwatch.StartNew();
        TopKMetrics ranking = TopKMetrics.Evaluate(task, CandidateScores.Model(model, task), k);
        return run with { Ranking = ranking, RankingSeconds = clock.Elapsed.TotalSeconds };
    }

    private static IEnumerable<ValidatedRun> Baselines(ValidationSplit split, RankingTask task, IReadOnlyList<int> seeds, int k)
    {
        float[] labels = split.Test.Labels.ToArray();
        int[] testMovies = Enumerable.Range(0, split.Test.Count).Select(row => (int)split.Test.CategoricalRow(row)[task.MovieField]).ToArray();

        var clock = Stopwatch.StartNew();
        TopKMetrics popular = TopKMetrics.Evaluate(task, CandidateScores.Popularity(task), k);
        double popularAuc = RocAuc.Compute(testMovies.Select(movie => (float)task.TrainingLikes[movie]).ToArray(), labels);
        yield return new ValidatedRun("popularity", null, null, null, null, popularAuc, null, 0, null, null)
            { Ranking = popular, RankingSeconds = clock.Elapsed.TotalSeconds };

        foreach (int seed in seeds)
        {
            clock.Restart();
            TopKMetrics random = TopKMetrics.Evaluate(task, CandidateScores.Random(task, seed), k);
            var generator = new Random(seed);
            double randomAuc = RocAuc.Compute(labels.Select(_ => generator.NextSingle()).ToArray(), labels);
            yield return new ValidatedRun("random", seed, null, null, null, randomAuc, null, 0, null, null)
                { Ranking = random, RankingSeconds = clock.Elapsed.TotalSeconds };
        }
    }

    private static string Describe(ValidatedRun run) =>
        $"{run.Model,-10} seed {run.Seed?.ToString() ?? "-",-3}" +
        (run.ChosenEpoch is int epoch ? $" epoch {epoch,3} (validation AUC {run.ValidationAuc:F4})" : "") +
        $"  test AUC {run.TestAuc:F4}  NDCG@{run.Ranking!.K} {run.Ranking.Ndcg:F4}  P@{run.Ranking.K} {run.Ranking.Precision:F4}" +
        (run.TrainingSeconds is double seconds ? $"  train {seconds:F1} s," : "") + $"  rank {run.RankingSeconds:F1} s";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (DeepFmModel model in keptModels.Values) model.Dispose();
        keptModels.Clear();
    }
}
