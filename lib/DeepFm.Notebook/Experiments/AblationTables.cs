using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Experiments;

/// <summary>The tables of an <see cref="Ablation"/>, rounded for reading (AUC to 4 decimals, seconds to 1).</summary>
internal static class AblationTables
{
    public static DataFrame Summary(IReadOnlyList<Recipe> recipes, IReadOnlyList<AblationRun> runs)
    {
        var groups = recipes.Select(recipe => (Recipe: recipe, Runs: runs.Where(run => run.Recipe == recipe.Name).ToList())).ToList();
        double baseline = Mean(groups[0].Runs.Select(run => run.TestAuc));
        string MeanSd(IEnumerable<double> values)
        {
            double[] all = values.ToArray();
            return all.Length > 1 ? $"{Mean(all):F4} ± {SampleSd(all):F4}" : $"{Mean(all):F4}";
        }
        return new DataFrame(
            new StringDataFrameColumn("recipe", groups.Select(group => group.Recipe.Name)),
            new StringDataFrameColumn("extra fields", groups.Select(group => group.Recipe.Fields.ToString())),
            new StringDataFrameColumn("training", groups.Select(group => group.Recipe.TrainingDescription)),
            new StringDataFrameColumn("validation AUC", groups.Select(group => MeanSd(group.Runs.Select(run => run.ValidationAuc)))),
            new StringDataFrameColumn("test AUC", groups.Select(group => MeanSd(group.Runs.Select(run => run.TestAuc)))),
            new StringDataFrameColumn("vs baseline", groups.Select(group => $"{Mean(group.Runs.Select(run => run.TestAuc)) - baseline:+0.0000;-0.0000;0.0000}")),
            new StringDataFrameColumn("epoch", groups.Select(group => string.Join(", ", group.Runs.Select(run => run.ChosenEpoch)))),
            new PrimitiveDataFrameColumn<double>("seconds", groups.Select(group => Math.Round(Mean(group.Runs.Select(run => run.Seconds)), 1))));
    }

    public static DataFrame Runs(IReadOnlyList<AblationRun> runs) => new(
        new StringDataFrameColumn("recipe", runs.Select(run => run.Recipe)),
        new PrimitiveDataFrameColumn<int>("seed", runs.Select(run => run.Seed)),
        new PrimitiveDataFrameColumn<int>("chosen epoch", runs.Select(run => run.ChosenEpoch)),
        new PrimitiveDataFrameColumn<int>("last epoch", runs.Select(run => run.LastEpoch)),
        new PrimitiveDataFrameColumn<double>("validation AUC", runs.Select(run => Math.Round(run.ValidationAuc, 4))),
        new PrimitiveDataFrameColumn<double>("test AUC", runs.Select(run => Math.Round(run.TestAuc, 4))),
        new PrimitiveDataFrameColumn<double>("test loss", runs.Select(run => Math.Round(run.TestLoss, 4))),
        new PrimitiveDataFrameColumn<long>("parameters", runs.Select(run => run.ParameterCount)),
        new PrimitiveDataFrameColumn<double>("seconds", runs.Select(run => Math.Round(run.Seconds, 1))));

    public static double Mean(IEnumerable<double> values) => values.Average();

    /// <summary>Sample standard deviation (n − 1), 0 for a single value.</summary>
    public static double SampleSd(IEnumerable<double> values)
    {
        double[] all = values.ToArray();
        if (all.Length < 2) return 0;
        double mean = all.Average();
        return Math.Sqrt(all.Sum(value => (value - mean) * (value - mean)) / (all.Length - 1));
    }
}
