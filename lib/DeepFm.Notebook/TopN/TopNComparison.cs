using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// The runs of notebook 07 in one table: notebook 05's <see cref="ModelComparison"/> runs (the rating model,
/// popularity, random), the implicit DeepFM's, and the item-item baselines — every one a <see cref="ValidatedRun"/>
/// scored once on the same <see cref="RankingTask"/>, summarised by the same code as 05's table (mean ± sd per model).
/// </summary>
public sealed class TopNComparison
{
    private readonly List<ValidatedRun> runs = [];

    /// <summary>Every run, in the order added.</summary>
    public IReadOnlyList<ValidatedRun> Results => runs;

    /// <summary>Adds runs (for example <see cref="ModelComparison.Results"/>, renamed with <c>run with { Model = … }</c>).</summary>
    public void Add(IEnumerable<ValidatedRun> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        runs.AddRange(added);
    }

    /// <summary>Adds one run.</summary>
    public void Add(ValidatedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        runs.Add(run);
    }

    /// <summary>
    /// A model without training epochs (EASE, item-kNN) as a run: <paramref name="fit"/> computes its score matrix
    /// (timed as training), which is ranked on <paramref name="task"/> (timed as ranking) and whose AUC over
    /// <paramref name="testRatings"/> says whether it puts 4–5 star test ratings above 1–3 star ones.
    /// </summary>
    public static ValidatedRun ScoreMatrixRun(string name, Func<ScoreMatrix> fit, RankingTask task, EncodedRatings testRatings,
        int k = TopKMetrics.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(testRatings);
        var clock = Stopwatch.StartNew();
        ScoreMatrix scores = fit();
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        TopKMetrics ranking = TopKMetrics.Evaluate(task, scores.ForTask(task), k);
        double rankingSeconds = clock.Elapsed.TotalSeconds;
        return new ValidatedRun(name, null, null, null, null, scores.Auc(testRatings), null, 0, fitSeconds, null)
        {
            Ranking = ranking,
            RankingSeconds = rankingSeconds,
        };
    }

    /// <summary>One row per model: "mean ± sample sd" over its runs, the columns of notebook 05's summary.</summary>
    public DataFrame Summary => ModelComparisonTables.Summary(runs);

    /// <summary>One row per run.</summary>
    public DataFrame Runs => ModelComparisonTables.Runs(runs);

    /// <summary>Mean NDCG@k of each model's runs, by model, in the order added.</summary>
    public IReadOnlyList<(string Model, double Mean, double Sd)> NdcgByModel() =>
        runs.GroupBy(run => run.Model).Select(group =>
        {
            double[] values = group.Select(run => run.Ranking!.Ndcg).ToArray();
            return (group.Key, values.Average(), values.Length > 1 ? MeanSd.SampleStandardDeviation(values) : 0);
        }).ToList();
}
