using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Comparison;

/// <summary>
/// Trains several model variants (by default the four presets LR, FM, DNN and DeepFM, as in Guo et al. 2017,
/// arXiv:1703.04247, Table 2) over several seeds on one train/test split with one training schedule, so that
/// the differences between variants can be set against the spread between seeds. Each seed sets both the initial
/// weights and the trainer's shuffling; the split itself is the same for every run.
/// <para><see cref="Runs"/> has one row per run, <see cref="Summary"/> one row per variant (mean and standard
/// deviation over seeds), and <see cref="MeanHistories"/> the curves for <c>TrainingCharts.Comparison</c>.</para>
/// </summary>
public sealed class ModelComparison
{
    /// <summary>The seeds used when none are given.</summary>
    public static IReadOnlyList<int> DefaultSeeds { get; } = [42, 43, 44];

    private ModelComparison(IReadOnlyList<DeepFmOptions> variants, IReadOnlyList<int> seeds, IReadOnlyList<ComparisonRun> results)
    {
        Variants = variants;
        Seeds = seeds;
        Results = results;
    }

    /// <summary>The variants, in the order they were trained.</summary>
    public IReadOnlyList<DeepFmOptions> Variants { get; }

    /// <summary>The seeds each variant was trained with.</summary>
    public IReadOnlyList<int> Seeds { get; }

    /// <summary>Every run, variant by variant and seed by seed.</summary>
    public IReadOnlyList<ComparisonRun> Results { get; }

    /// <summary>
    /// One row per run. Columns: <c>variant</c>, <c>seed</c>, <c>final_test_auc</c>, <c>final_test_loss</c>,
    /// <c>best_test_auc</c>, <c>best_epoch</c>, <c>parameters</c>, <c>seconds</c>.
    /// </summary>
    public DataFrame Runs => ComparisonTables.Runs(Results);

    /// <summary>
    /// One row per variant, over its seeds (std is the sample standard deviation, n − 1 as pandas, NaN for one seed).
    /// Columns: <c>variant</c>, <c>runs</c>, <c>final_test_auc_mean</c>, <c>final_test_auc_std</c>,
    /// <c>best_test_auc_mean</c>, <c>best_test_auc_std</c>, <c>final_test_loss_mean</c>, <c>final_test_loss_std</c>,
    /// <c>best_epoch_mean</c>, <c>parameters</c>, <c>seconds_mean</c>.
    /// </summary>
    public DataFrame Summary => ComparisonTables.Summary(Variants.Select(variant => variant.Name), Results);

    /// <summary>Per variant, the history of its run with the first seed (for <c>TrainingCharts.Comparison</c>).</summary>
    public IReadOnlyList<(string Name, TrainingHistory History)> FirstSeedHistories =>
        Variants.Select(variant => (variant.Name, Results.First(run => run.Variant == variant.Name).History)).ToList();

    /// <summary>Per variant, the epoch-by-epoch mean over seeds of every metric, on the epochs all its runs reached.</summary>
    public IReadOnlyList<(string Name, TrainingHistory History)> MeanHistories =>
        Variants.Select(variant => (variant.Name,
            ComparisonTables.MeanHistory(Results.Where(run => run.Variant == variant.Name).Select(run => run.History)))).ToList();

    /// <summary>
    /// Trains every variant with every seed on <paramref name="split"/> with <paramref name="options"/> (its
    /// <see cref="TrainerOptions.Epochs"/>, validation interval, early stopping…; its Seed is replaced by each run's).
    /// <paramref name="progress"/> gets one line per finished run.
    /// </summary>
    public static ModelComparison Run(TrainTestSplit split, TrainerOptions options, IReadOnlyList<DeepFmOptions>? variants = null,
        IReadOnlyList<int>? seeds = null, Action<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Run(split.Train, split.Test, options, variants, seeds, progress, cancellation);
    }

    /// <summary>The same on any pair of batch sources sharing one schema.</summary>
    public static ModelComparison Run(IBatchSource train, IBatchSource test, TrainerOptions options,
        IReadOnlyList<DeepFmOptions>? variants = null, IReadOnlyList<int>? seeds = null, Action<string>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        variants ??= DeepFmOptions.Presets;
        seeds ??= DefaultSeeds;
        RequireDistinct(variants.Select(variant => variant.Name), nameof(variants), "variant names (set DeepFmOptions.Name)");
        RequireDistinct(seeds.Select(seed => seed.ToString()), nameof(seeds), "seeds");

        var results = new List<ComparisonRun>(variants.Count * seeds.Count);
        foreach (DeepFmOptions variant in variants)
        {
            foreach (int seed in seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                ComparisonRun run = TrainOne(train, test, options with { Seed = seed }, variant, seed, cancellation);
                results.Add(run);
                progress?.Invoke($"{run.Variant,-8} seed {run.Seed}: test AUC {run.FinalTestAuc:F4} " +
                    $"(best {run.BestTestAuc:F4} at epoch {run.BestEpoch}), log-loss {run.FinalTestLoss:F4}, " +
                    $"{run.ParameterCount:N0} parameters, {run.Seconds:F1} s  [{results.Count}/{variants.Count * seeds.Count}]");
            }
        }
        return new ModelComparison(variants.ToList(), seeds.ToList(), results);
    }

    private static ComparisonRun TrainOne(IBatchSource train, IBatchSource test, TrainerOptions options,
        DeepFmOptions variant, int seed, CancellationToken cancellation)
    {
        using var model = new DeepFmModel(train.Schema, variant, seed);
        using var trainer = new Trainer(model, options);
        TrainingHistory history = trainer.Fit(train, test, progress: null, cancellation);
        double seconds = (trainer.TrainingTime + trainer.EvaluationTime).TotalSeconds;
        return ComparisonRun.From(variant.Name, seed, model.ParameterCount, seconds, history);
    }

    private static void RequireDistinct(IEnumerable<string> values, string parameter, string what)
    {
        var list = values.ToList();
        if (list.Count == 0)
            throw new ArgumentException($"No {what} given: pass at least one.", parameter);
        var repeated = list.GroupBy(value => value).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
            throw new ArgumentException($"The {what} must be distinct; repeated: {string.Join(", ", repeated)}.", parameter);
    }
}
