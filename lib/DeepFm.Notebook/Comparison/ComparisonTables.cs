using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Comparison;

/// <summary>The tables and mean curves of a <see cref="ModelComparison"/>, computed from its runs.</summary>
internal static class ComparisonTables
{
    public static DataFrame Runs(IReadOnlyList<ComparisonRun> runs) => new(
        new StringDataFrameColumn("variant", runs.Select(run => run.Variant)),
        new PrimitiveDataFrameColumn<int>("seed", runs.Select(run => run.Seed)),
        new PrimitiveDataFrameColumn<double>("final_test_auc", runs.Select(run => run.FinalTestAuc)),
        new PrimitiveDataFrameColumn<double>("final_test_loss", runs.Select(run => run.FinalTestLoss)),
        new PrimitiveDataFrameColumn<double>("best_test_auc", runs.Select(run => run.BestTestAuc)),
        new PrimitiveDataFrameColumn<int>("best_epoch", runs.Select(run => run.BestEpoch)),
        new PrimitiveDataFrameColumn<long>("parameters", runs.Select(run => run.ParameterCount)),
        new PrimitiveDataFrameColumn<double>("seconds", runs.Select(run => run.Seconds)));

    public static DataFrame Summary(IEnumerable<string> variantOrder, IReadOnlyList<ComparisonRun> runs)
    {
        var groups = variantOrder.Select(name => runs.Where(run => run.Variant == name).ToList()).ToList();
        PrimitiveDataFrameColumn<double> Column(string name, Func<List<ComparisonRun>, double> statistic) =>
            new(name, groups.Select(statistic));
        return new DataFrame(
            new StringDataFrameColumn("variant", groups.Select(group => group[0].Variant)),
            new PrimitiveDataFrameColumn<int>("runs", groups.Select(group => group.Count)),
            Column("final_test_auc_mean", group => Mean(group.Select(run => run.FinalTestAuc))),
            Column("final_test_auc_std", group => SampleStd(group.Select(run => run.FinalTestAuc))),
            Column("best_test_auc_mean", group => Mean(group.Select(run => run.BestTestAuc))),
            Column("best_test_auc_std", group => SampleStd(group.Select(run => run.BestTestAuc))),
            Column("final_test_loss_mean", group => Mean(group.Select(run => run.FinalTestLoss))),
            Column("final_test_loss_std", group => SampleStd(group.Select(run => run.FinalTestLoss))),
            Column("best_epoch_mean", group => Mean(group.Select(run => (double)run.BestEpoch))),
            // Every seed builds the same architecture, so the parameter count is the variant's, not an average.
            new PrimitiveDataFrameColumn<long>("parameters", groups.Select(group => group[0].ParameterCount)),
            Column("seconds_mean", group => Mean(group.Select(run => run.Seconds))));
    }

    /// <summary>
    /// Epoch-by-epoch means of several runs' histories, over the epochs every run reached (early stopping can end
    /// runs at different epochs); a test metric is averaged only on epochs where every run validated.
    /// </summary>
    public static TrainingHistory MeanHistory(IEnumerable<TrainingHistory> histories)
    {
        var runs = histories.ToList();
        var mean = new TrainingHistory();
        int commonEpochs = runs.Min(history => history.Epochs.Count);
        for (int i = 0; i < commonEpochs; i++)
        {
            var records = runs.Select(history => history.Epochs[i]).ToList();
            bool allValidated = records.All(record => record.TestAuc is not null && record.TestLoss is not null);
            mean.Add(new EpochRecord(records[0].Epoch,
                Mean(records.Select(record => record.TrainLoss)), Mean(records.Select(record => record.TrainAuc)),
                allValidated ? Mean(records.Select(record => record.TestLoss!.Value)) : null,
                allValidated ? Mean(records.Select(record => record.TestAuc!.Value)) : null));
        }
        return mean;
    }

    public static double Mean(IEnumerable<double> values) => values.Average();

    /// <summary>Sample standard deviation √(Σ(x − x̄)² / (n − 1)), as pandas' <c>std()</c>; NaN for a single value.</summary>
    public static double SampleStd(IEnumerable<double> values)
    {
        double[] array = values.ToArray();
        if (array.Length < 2) return double.NaN;
        double mean = array.Average();
        return Math.Sqrt(array.Sum(value => (value - mean) * (value - mean)) / (array.Length - 1));
    }
}
