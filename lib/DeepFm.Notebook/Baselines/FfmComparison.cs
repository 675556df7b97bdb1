using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Experiments;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Baselines;

/// <summary>One setting of the FFM search and what it scored on the validation split (seed 42, the first seed).</summary>
public sealed record FfmSearchPoint(FieldAwareFmOptions Options, double ValidationAuc, double ValidationLoss, double TrainingSeconds);

/// <summary>
/// ML.NET's FFM under the protocol of notebook 05 (<see cref="ModelComparison"/>): the validation split chooses
/// the number of iterations and λ (a grid, trained with the first seed, looking at the validation AUC only), then
/// every seed trains that setting on the training part and is scored once on the test split — AUC, log-loss and,
/// when a <see cref="RankingTask"/> is given, the same top-k metrics. Its runs are <see cref="ValidatedRun"/>s, so they
/// join the other models' rows in one table (<see cref="Summary"/>).
/// </summary>
public sealed class FfmComparison
{
    /// <summary>The iteration counts the search tries (capped by the caller's maximum, e.g. the notebook's epochs).</summary>
    public static IReadOnlyList<int> DefaultIterations { get; } = [1, 2, 3, 5, 8, 12];

    /// <summary>The λ the search tries (ML.NET's default is 1e-4; 1e-5 scored as 1e-4 in a first try, larger values better).</summary>
    public static IReadOnlyList<float> DefaultLambdas { get; } = [1e-4f, 1e-3f, 3e-3f, 1e-2f];

    private FfmComparison(string name, IReadOnlyList<FfmSearchPoint> search, FieldAwareFmOptions chosen,
        IReadOnlyList<ValidatedRun> runs, IReadOnlyList<FieldAwareFm> models)
    {
        Name = name;
        Search = search;
        Chosen = chosen;
        Results = runs;
        Models = models;
    }

    /// <summary>The name of its rows ("FFM" unless given).</summary>
    public string Name { get; }

    /// <summary>Every setting tried, with its validation AUC.</summary>
    public IReadOnlyList<FfmSearchPoint> Search { get; }

    /// <summary>The setting with the best validation AUC.</summary>
    public FieldAwareFmOptions Chosen { get; }

    /// <summary>One run per seed, trained with <see cref="Chosen"/> and scored once on the test split.</summary>
    public IReadOnlyList<ValidatedRun> Results { get; }

    /// <summary>The trained model of each seed, in seed order.</summary>
    public IReadOnlyList<FieldAwareFm> Models { get; }

    /// <summary>The search as a table, best validation AUC first.</summary>
    public DataFrame SearchTable
    {
        get
        {
            var ordered = Search.OrderByDescending(point => point.ValidationAuc).ToList();
            return new DataFrame(
                new PrimitiveDataFrameColumn<int>("iterations", ordered.Select(point => point.Options.Iterations)),
                new StringDataFrameColumn("lambda", ordered.Select(point => point.Options.Lambda.ToString("0e+00", System.Globalization.CultureInfo.InvariantCulture))),
                new DecimalsColumn("validation_auc", ordered.Select(point => Math.Round(point.ValidationAuc, 4)), decimals: 4),
                new DecimalsColumn("validation_loss", ordered.Select(point => Math.Round(point.ValidationLoss, 4)), decimals: 4),
                new DecimalsColumn("train_s", ordered.Select(point => Math.Round(point.TrainingSeconds, 1)), decimals: 1));
        }
    }

    /// <summary>
    /// Searches the grid (<paramref name="iterations"/> × <paramref name="lambdas"/>, latent dimension
    /// <paramref name="latentDimension"/>, iterations above <paramref name="maxIterations"/> left out) on
    /// <paramref name="split"/>'s validation ratings with the first seed, then trains and scores every seed.
    /// </summary>
    public static FfmComparison Run(ValidationSplit split, RankingTask? task, IReadOnlyList<int> seeds, int maxIterations = int.MaxValue,
        IReadOnlyList<int>? iterations = null, IReadOnlyList<float>? lambdas = null, int latentDimension = 32,
        Action<string>? progress = null, int k = TopKMetrics.DefaultK, string name = "FFM")
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException("Give at least one seed.", nameof(seeds));
        int[] iterationGrid = (iterations ?? DefaultIterations).Where(count => count <= maxIterations).DefaultIfEmpty(1).Distinct().ToArray();
        var search = new List<FfmSearchPoint>();
        foreach (float lambda in lambdas ?? DefaultLambdas)
        {
            foreach (int count in iterationGrid)
            {
                var options = new FieldAwareFmOptions(count, latentDimension, Lambda: lambda);
                FieldAwareFm model = FieldAwareFm.Train(split.Train, options, seeds[0]);
                SplitMetrics validation = model.Evaluate(split.Validation);
                search.Add(new FfmSearchPoint(options, validation.Auc, validation.Loss, model.TrainingTime.TotalSeconds));
                progress?.Invoke($"{name} search  {options}  validation AUC {validation.Auc:F4}  ({model.TrainingTime.TotalSeconds:F1} s)");
            }
        }
        FfmSearchPoint best = search.MaxBy(point => point.ValidationAuc)!;

        var runs = new List<ValidatedRun>();
        var models = new List<FieldAwareFm>();
        foreach (int seed in seeds)
        {
            FieldAwareFm model = FieldAwareFm.Train(split.Train, best.Options, seed);
            SplitMetrics validation = model.Evaluate(split.Validation);
            SplitMetrics test = model.Evaluate(split.Test);   // once, with the chosen setting
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TopKMetrics ranking = task is null ? new TopKMetrics(double.NaN, double.NaN, double.NaN, double.NaN, 0, k)
                : TopKMetrics.Evaluate(task, model.ScoreCandidates(task), k);
            var run = new ValidatedRun(name, seed, best.Options.Iterations, best.Options.Iterations, validation.Auc, test.Auc, test.Loss,
                model.ParameterCount, model.TrainingTime.TotalSeconds, History: null)
            {
                Ranking = ranking,
                RankingSeconds = clock.Elapsed.TotalSeconds,
            };
            runs.Add(run);
            models.Add(model);
            progress?.Invoke($"{name,-10} seed {seed,-3} {best.Options.Iterations,3} iterations (validation AUC {validation.Auc:F4})  test AUC {test.Auc:F4}" +
                (task is null ? "" : $"  NDCG@{k} {ranking.Ndcg:F4}  P@{k} {ranking.Precision:F4}") + $"  train {model.TrainingTime.TotalSeconds:F1} s");
        }
        return new FfmComparison(name, search, best.Options, runs, models);
    }

    /// <summary>
    /// Notebook 05's summary with the FFM's rows after the trained models and before the baselines (popularity,
    /// random); <i>chosen_epoch</i> holds the FFM's iterations.
    /// </summary>
    public static DataFrame Summary(ModelComparison comparison, FfmComparison ffm) =>
        ModelComparisonTables.Summary(Combined(comparison, ffm));

    /// <summary>Notebook 05's per-run table with the FFM's runs, ordered as <see cref="Summary"/>.</summary>
    public static DataFrame Runs(ModelComparison comparison, FfmComparison ffm) =>
        ModelComparisonTables.Runs(Combined(comparison, ffm));

    /// <summary>
    /// Notebook 06's ablation summary with a reference row per FFM (same columns; <i>epoch</i> holds iterations,
    /// <i>vs baseline</i> is measured against the ablation's first recipe).
    /// </summary>
    public static DataFrame AblationWithReference(Ablation ablation, params FfmComparison[] references)
    {
        ArgumentNullException.ThrowIfNull(ablation);
        DataFrame summary = ablation.Summary;
        string firstRecipe = summary.Columns["recipe"][0]!.ToString()!;
        double baseline = ablation.Runs.Where(run => run.Model == firstRecipe).Average(run => run.TestAuc);
        var columns = new List<DataFrameColumn>();
        IEnumerable<string> Strings(string column) => Enumerable.Range(0, (int)summary.Rows.Count).Select(row => summary.Columns[column][row]?.ToString() ?? "");
        IEnumerable<string> Reference(Func<FfmComparison, string> cell) => references.Select(cell);
        static string MeanSd(IEnumerable<double> values) => Evaluation.MeanSd.Format(values, 4);
        columns.Add(new StringDataFrameColumn("recipe", Strings("recipe").Concat(Reference(ffm => $"reference: {ffm.Name} (ML.NET)"))));
        columns.Add(new StringDataFrameColumn("extra fields", Strings("extra fields").Concat(Reference(ffm =>
            ffm.Models[0].Schema.MovieGenres is null ? "none" : "movie_genres"))));
        columns.Add(new StringDataFrameColumn("training", Strings("training").Concat(Reference(ffm => ffm.Chosen.ToString()))));
        columns.Add(new StringDataFrameColumn("validation AUC", Strings("validation AUC").Concat(Reference(ffm => MeanSd(ffm.Results.Select(run => run.ValidationAuc!.Value))))));
        columns.Add(new StringDataFrameColumn("test AUC", Strings("test AUC").Concat(Reference(ffm => MeanSd(ffm.Results.Select(run => run.TestAuc))))));
        columns.Add(new StringDataFrameColumn("vs baseline", Strings("vs baseline").Concat(Reference(ffm =>
            $"{ffm.Results.Average(run => run.TestAuc) - baseline:+0.0000;-0.0000;0.0000}"))));
        columns.Add(new StringDataFrameColumn("epoch", Strings("epoch").Concat(Reference(ffm => string.Join(", ", ffm.Results.Select(run => run.ChosenEpoch))))));
        var seconds = (DecimalsColumn)summary.Columns["seconds"];
        columns.Add(new DecimalsColumn("seconds", seconds.Select(value => value)
            .Concat(references.Select(ffm => (double?)Math.Round(ffm.Results.Average(run => run.TrainingSeconds!.Value), 1))),
            seconds.Decimals));
        return new DataFrame(columns);
    }

    private static List<ValidatedRun> Combined(ModelComparison comparison, FfmComparison ffm)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(ffm);
        return [.. comparison.Results.Where(run => run.History is not null), .. ffm.Results, .. comparison.Results.Where(run => run.History is null)];
    }
}
