using DeepFm.Notebook.Comparison;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Training;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Comparison;

public class ModelComparisonTests
{
    private static readonly DeepFmOptions TinyFm = DeepFmOptions.FactorizationMachine with { Name = "tinyFM", EmbeddingDimension = 4 };
    private static readonly DeepFmOptions TinyDeepFm = DeepFmOptions.DeepFm with { Name = "tinyDeepFM", EmbeddingDimension = 4, HiddenUnits = [8] };
    private static readonly TrainerOptions TwoEpochs = TrainingFixture.QuickOptions with { Epochs = 2, ValidateEvery = 1 };

    // Trained once for the class: 2 variants × 2 seeds × 2 epochs on 800 synthetic rows takes well under a second.
    private static readonly Lazy<(ModelComparison Comparison, List<string> Progress)> Trained = new(() =>
    {
        using var train = TrainingFixture.World.Sample(800, sampleSeed: 50);
        using var test = TrainingFixture.World.Sample(400, sampleSeed: 51);
        var progress = new List<string>();
        var comparison = ModelComparison.Run(train, test, TwoEpochs, [TinyFm, TinyDeepFm], [1, 2], progress.Add);
        return (comparison, progress);
    });

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static T[] Column<T>(DataFrame table, string name) where T : unmanaged =>
        ((PrimitiveDataFrameColumn<T>)table.Columns[name]).Select(value => value!.Value).ToArray();

    [Fact]
    public void RunsHasOneRowPerVariantAndSeedWithTheHistoriesNumbers()
    {
        var (comparison, progress) = Trained.Value;
        DataFrame runs = comparison.Runs;

        Assert.Equal(["variant", "seed", "final_test_auc", "final_test_loss", "best_test_auc", "best_epoch", "parameters", "seconds"],
            runs.Columns.Select(column => column.Name));
        Assert.Equal(["tinyFM", "tinyFM", "tinyDeepFM", "tinyDeepFM"], runs.Columns.GetStringColumn("variant").Select(v => v!));
        Assert.Equal([1, 2, 1, 2], Column<int>(runs, "seed"));
        Assert.Equal(4, progress.Count);
        Assert.StartsWith("tinyFM   seed 1: test AUC", progress[0]);

        for (int row = 0; row < 4; row++)
        {
            ComparisonRun run = comparison.Results[row];
            Assert.Equal(2, run.History.Epochs.Count);
            Assert.Equal(run.History.LastValidated!.TestAuc, Column<double>(runs, "final_test_auc")[row]);
            Assert.Equal(run.History.LastValidated!.TestLoss, Column<double>(runs, "final_test_loss")[row]);
            Assert.Equal(run.History.Best!.TestAuc, Column<double>(runs, "best_test_auc")[row]);
            Assert.Equal(run.History.Best!.Epoch, Column<int>(runs, "best_epoch")[row]);
            Assert.InRange(Column<double>(runs, "seconds")[row], 1e-6, 60);
        }
        using var fm = new DeepFmModel(TrainingFixture.World.Schema, TinyFm, seed: 1);
        using var deepFm = new DeepFmModel(TrainingFixture.World.Schema, TinyDeepFm, seed: 1);
        Assert.Equal([fm.ParameterCount, fm.ParameterCount, deepFm.ParameterCount, deepFm.ParameterCount],
            Column<long>(runs, "parameters"));
        // The seed changes the weights and the shuffling, so two seeds of one variant do not score the same.
        Assert.NotEqual(Column<double>(runs, "final_test_loss")[0], Column<double>(runs, "final_test_loss")[1]);
    }

    [Fact]
    public void SummaryIsTheMeanAndSampleStdOfTheRuns()
    {
        var (comparison, _) = Trained.Value;
        DataFrame runs = comparison.Runs, summary = comparison.Summary;

        Assert.Equal(["variant", "runs", "final_test_auc_mean", "final_test_auc_std", "best_test_auc_mean", "best_test_auc_std",
            "final_test_loss_mean", "final_test_loss_std", "best_epoch_mean", "parameters", "seconds_mean"],
            summary.Columns.Select(column => column.Name));
        Assert.Equal(["tinyFM", "tinyDeepFM"], summary.Columns.GetStringColumn("variant").Select(v => v!));
        Assert.Equal([2, 2], Column<int>(summary, "runs"));

        // Two seeds per variant: mean (a + b) / 2 and sample std |a − b| / √2, rows 0–1 and 2–3 of Runs.
        foreach (var (metric, row) in new[] { ("final_test_auc", 0), ("best_test_auc", 0), ("final_test_loss", 0),
                                              ("final_test_auc", 1), ("best_test_auc", 1), ("final_test_loss", 1) })
        {
            double a = Column<double>(runs, metric)[2 * row], b = Column<double>(runs, metric)[2 * row + 1];
            Assert.Equal((a + b) / 2, Column<double>(summary, metric + "_mean")[row], 1e-12);
            Assert.Equal(Math.Abs(a - b) / Math.Sqrt(2), Column<double>(summary, metric + "_std")[row], 1e-12);
        }
        for (int row = 0; row < 2; row++)
        {
            Assert.Equal((Column<int>(runs, "best_epoch")[2 * row] + Column<int>(runs, "best_epoch")[2 * row + 1]) / 2.0,
                Column<double>(summary, "best_epoch_mean")[row], 1e-12);
            Assert.Equal((Column<double>(runs, "seconds")[2 * row] + Column<double>(runs, "seconds")[2 * row + 1]) / 2,
                Column<double>(summary, "seconds_mean")[row], 1e-12);
            Assert.Equal(Column<long>(runs, "parameters")[2 * row], Column<long>(summary, "parameters")[row]);
        }
    }

    [Fact]
    public void HistoriesForTheChartAreTheFirstSeedAndTheEpochMeans()
    {
        var (comparison, _) = Trained.Value;
        Assert.Equal(["tinyFM", "tinyDeepFM"], comparison.FirstSeedHistories.Select(pair => pair.Name));
        Assert.Same(comparison.Results[2].History, comparison.FirstSeedHistories[1].History);

        var (name, mean) = comparison.MeanHistories[1];
        Assert.Equal("tinyDeepFM", name);
        Assert.Equal([1, 2], mean.Epochs.Select(record => record.Epoch));
        for (int epoch = 0; epoch < 2; epoch++)
        {
            EpochRecord first = comparison.Results[2].History.Epochs[epoch], second = comparison.Results[3].History.Epochs[epoch];
            Assert.Equal((first.TestAuc!.Value + second.TestAuc!.Value) / 2, mean.Epochs[epoch].TestAuc!.Value, 1e-12);
            Assert.Equal((first.TrainLoss + second.TrainLoss) / 2, mean.Epochs[epoch].TrainLoss, 1e-12);
        }
        Assert.NotNull(DeepFm.Notebook.Plots.TrainingCharts.Comparison(comparison.MeanHistories));
    }

    [Fact]
    public void RepeatedVariantNamesOrSeedsAreRejectedBeforeTraining()
    {
        using var train = TrainingFixture.World.Sample(50, sampleSeed: 1);
        var names = Assert.Throws<ArgumentException>(() => ModelComparison.Run(train, train, TwoEpochs, [TinyFm, TinyFm], cancellation: Cancellation));
        Assert.Contains("repeated: tinyFM", names.Message);
        var seeds = Assert.Throws<ArgumentException>(() => ModelComparison.Run(train, train, TwoEpochs, [TinyFm], [3, 3], cancellation: Cancellation));
        Assert.Contains("repeated: 3", seeds.Message);
        Assert.Throws<ArgumentException>(() => ModelComparison.Run(train, train, TwoEpochs, [TinyFm], [], cancellation: Cancellation));
    }

    [Fact]
    public void DefaultVariantsAreThePresetsAndOneSeedHasNoStd()
    {
        using var train = TrainingFixture.World.Sample(300, sampleSeed: 60);
        using var test = TrainingFixture.World.Sample(200, sampleSeed: 61);
        var comparison = ModelComparison.Run(train, test, TwoEpochs with { Epochs = 1 }, seeds: [5], cancellation: Cancellation);

        Assert.Equal([42, 43, 44], ModelComparison.DefaultSeeds);
        Assert.Equal(["LR", "FM", "DNN", "DeepFM"], comparison.Summary.Columns.GetStringColumn("variant").Select(v => v!));
        Assert.Equal([1, 1, 1, 1], Column<int>(comparison.Summary, "runs"));
        Assert.All(Column<double>(comparison.Summary, "final_test_auc_std"), std => Assert.True(double.IsNaN(std)));
        Assert.Equal(Column<double>(comparison.Runs, "final_test_auc"), Column<double>(comparison.Summary, "final_test_auc_mean"));
    }
}
