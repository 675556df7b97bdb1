using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// The runs of notebook 07 in one table: notebook 05's <see cref="HonestComparison"/> runs (the rating model,
/// popularity, random), the implicit DeepFM's, and the item-item baselines — every one a <see cref="HonestRun"/>
/// scored once on the same <see cref="RankingTask"/>, summarised by the same code as 05's table (mean ± sd per model).
/// </summary>
public sealed class TopNComparison
{
    private readonly List<HonestRun> runs = [];

    /// <summary>Every run, in the order added.</summary>
    public IReadOnlyList<HonestRun> Results => runs;

    /// <summary>Adds runs (for example <see cref="HonestComparison.Results"/>, renamed with <c>run with { Model = … }</c>).</summary>
    public void Add(IEnumerable<HonestRun> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        runs.AddRange(added);
    }

    /// <summary>Adds one run.</summary>
    public void Add(HonestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        runs.Add(run);
    }

    /// <summary>
    /// A model without training epochs (EASE, item-kNN) as a run: <paramref name="fit"/> computes its score matrix
    /// (timed as training), which is ranked on <paramref name="task"/> (timed as ranking) and whose AUC over
    /// <paramref name="testRatings"/> says whether it puts 4–5 star test ratings above 1–3 star ones.
    /// </summary>
    public static HonestRun ScoreMatrixRun(string name, Func<ScoreMatrix> fit, RankingTask task, EncodedRatings testRatings,
        int k = RankingScores.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(testRatings);
        var clock = Stopwatch.StartNew();
        ScoreMatrix scores = fit();
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        RankingScores ranking = RankingScores.Evaluate(task, scores.ForTask(task), k);
        double rankingSeconds = clock.Elapsed.TotalSeconds;
        return new HonestRun(name, null, null, null, null, scores.Auc(testRatings), null, ranking, 0, fitSeconds, rankingSeconds, null);
    }

    /// <summary>One row per model: "mean ± sample sd" over its runs, the columns of notebook 05's summary.</summary>
    public DataFrame Summary => HonestComparisonTables.Summary(runs);

    /// <summary>One row per run.</summary>
    public DataFrame Runs => HonestComparisonTables.Runs(runs);

    /// <summary>Mean NDCG@k of each model's runs, by model, in the order added.</summary>
    public IReadOnlyList<(string Model, double Mean, double Sd)> NdcgByModel() =>
        runs.GroupBy(run => run.Model).Select(group =>
        {
            double[] values = group.Select(run => run.Ranking.Ndcg).ToArray();
            double mean = values.Average();
            double sd = values.Length > 1 ? Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1)) : 0;
            return (group.Key, mean, sd);
        }).ToList();
}
