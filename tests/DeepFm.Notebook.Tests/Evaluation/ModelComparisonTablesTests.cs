using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.TopN;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Evaluation;

/// <summary>The per-run table of notebooks 05 and 07 declares its decimals: AUC, loss and metrics at k 4, seconds 1.</summary>
public sealed class ModelComparisonTablesTests
{
    private static DataFrame RunsTable()
    {
        var comparison = new TopNComparison();
        comparison.Add(new ValidatedRun("DeepFM", 42, 20, 25, ValidationAuc: 0.78, TestAuc: 0.7712345, TestLoss: 0.5,
            Parameters: 1000, TrainingSeconds: 12, History: null)
        {
            Ranking = new TopKMetrics(Precision: 0.069, Recall: 0.1, Ndcg: 0.15061, Map: 0.05, Users: 10, K: 2),
            RankingSeconds = 0.04,
        });
        // A baseline: no epoch, no validation, no loss, no training time.
        comparison.Add(new ValidatedRun("popularity", null, null, null, null, TestAuc: 0.7, TestLoss: null, 0, null, null)
        {
            Ranking = new TopKMetrics(0.05, 0.08, 0.1, 0.04, 10, 2),
            RankingSeconds = 1.25,
        });
        return comparison.Runs;
    }

    private static string[] Cells(DataFrame frame, string name) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Select(row => TableNumbers.Format(frame.Columns[name][row],
            frame.Columns[name])).ToArray();

    [Theory]
    [InlineData("validation_auc", "0.7800", "")]
    [InlineData("test_auc", "0.7712", "0.7000")]
    [InlineData("test_loss", "0.5000", "")]
    [InlineData("precision@2", "0.0690", "0.0500")]
    [InlineData("recall@2", "0.1000", "0.0800")]
    [InlineData("ndcg@2", "0.1506", "0.1000")]
    [InlineData("map@2", "0.0500", "0.0400")]
    [InlineData("train_s", "12.0", "")]
    [InlineData("rank_s", "0.0", "1.2")]   // 1.25 rounds half to even, as Math.Round does
    public void Each_metric_column_shows_its_declared_decimals(string column, string deepFm, string popularity) =>
        Assert.Equal([deepFm, popularity], Cells(RunsTable(), column));

    [Fact]
    public void Sorting_the_table_keeps_the_decimals() =>
        Assert.Equal(["0.7000", "0.7712"], Cells(RunsTable().OrderBy("test_auc"), "test_auc"));
}
