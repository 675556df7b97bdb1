using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// The tables of a <see cref="ModelComparison"/>, rounded to what the numbers mean: AUC, loss and metrics at k to 4
/// decimals, seconds to 1 (each column declares its decimals, so 0.069 shows as 0.0690 beside 0.0711).
/// </summary>
internal static class ModelComparisonTables
{
    public static DataFrame Runs(IReadOnlyList<ValidatedRun> runs)
    {
        DecimalsColumn Rounded(string name, Func<ValidatedRun, double?> value, int digits) =>
            new(name, runs.Select(run => value(run) is double number ? Math.Round(number, digits) : (double?)null), digits);
        int k = runs[0].Ranking!.K;
        return new DataFrame(
            new StringDataFrameColumn("model", runs.Select(run => run.Model)),
            new PrimitiveDataFrameColumn<int>("seed", runs.Select(run => run.Seed)),
            new PrimitiveDataFrameColumn<int>("chosen_epoch", runs.Select(run => run.ChosenEpoch)),
            Rounded("validation_auc", run => run.ValidationAuc, 4),
            Rounded("test_auc", run => run.TestAuc, 4),
            Rounded("test_loss", run => run.TestLoss, 4),
            Rounded($"precision@{k}", run => run.Ranking!.Precision, 4),
            Rounded($"recall@{k}", run => run.Ranking!.Recall, 4),
            Rounded($"ndcg@{k}", run => run.Ranking!.Ndcg, 4),
            Rounded($"map@{k}", run => run.Ranking!.Map, 4),
            Rounded("train_s", run => run.TrainingSeconds, 1),
            Rounded("rank_s", run => run.RankingSeconds, 1));
    }

    public static DataFrame Summary(IReadOnlyList<ValidatedRun> runs)
    {
        var groups = runs.GroupBy(run => run.Model).Select(group => group.ToList()).ToList();
        StringDataFrameColumn Column(string name, Func<ValidatedRun, double?> value, int digits) =>
            new(name, groups.Select(group => MeanSd.Format(group.Select(value), digits)));
        int k = runs[0].Ranking!.K;
        return new DataFrame(
            new StringDataFrameColumn("model", groups.Select(group => group[0].Model)),
            new PrimitiveDataFrameColumn<int>("runs", groups.Select(group => group.Count)),
            Column("chosen_epoch", run => run.ChosenEpoch, 0),
            Column("validation_auc", run => run.ValidationAuc, 4),
            Column("test_auc", run => run.TestAuc, 4),
            Column($"precision@{k}", run => run.Ranking!.Precision, 4),
            Column($"recall@{k}", run => run.Ranking!.Recall, 4),
            Column($"ndcg@{k}", run => run.Ranking!.Ndcg, 4),
            Column($"map@{k}", run => run.Ranking!.Map, 4),
            Column("train_s", run => run.TrainingSeconds, 1),
            Column("rank_s", run => run.RankingSeconds, 1));
    }
}
