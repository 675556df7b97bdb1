using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Experiments;

/// <summary>The tables of an <see cref="Ablation"/>, rounded for reading (AUC to 4 decimals, seconds to 1).</summary>
internal static class AblationTables
{
    public static DataFrame Summary(IReadOnlyList<Recipe> recipes, IReadOnlyList<ValidatedRun> runs)
    {
        var groups = recipes.Select(recipe => (Recipe: recipe, Runs: runs.Where(run => run.Model == recipe.Name).ToList())).ToList();
        double baseline = groups[0].Runs.Average(run => run.TestAuc);
        return new DataFrame(
            new StringDataFrameColumn("recipe", groups.Select(group => group.Recipe.Name)),
            new StringDataFrameColumn("extra fields", groups.Select(group => group.Recipe.Fields.ToString())),
            new StringDataFrameColumn("training", groups.Select(group => group.Recipe.TrainingDescription)),
            new StringDataFrameColumn("validation AUC", groups.Select(group => MeanSd.Format(group.Runs.Select(run => run.ValidationAuc), 4))),
            new StringDataFrameColumn("test AUC", groups.Select(group => MeanSd.Format(group.Runs.Select(run => run.TestAuc), 4))),
            new StringDataFrameColumn("vs baseline", groups.Select(group => $"{group.Runs.Average(run => run.TestAuc) - baseline:+0.0000;-0.0000;0.0000}")),
            new StringDataFrameColumn("epoch", groups.Select(group => string.Join(", ", group.Runs.Select(run => run.ChosenEpoch)))),
            new DecimalsColumn("seconds", groups.Select(group => Math.Round(group.Runs.Average(run => run.TrainingSeconds ?? 0), 1)), decimals: 1));
    }

    public static DataFrame Runs(IReadOnlyList<ValidatedRun> runs) => new(
        new StringDataFrameColumn("recipe", runs.Select(run => run.Model)),
        new PrimitiveDataFrameColumn<int>("seed", runs.Select(run => run.Seed)),
        new PrimitiveDataFrameColumn<int>("chosen epoch", runs.Select(run => run.ChosenEpoch)),
        new PrimitiveDataFrameColumn<int>("last epoch", runs.Select(run => run.EpochsTrained)),
        new DecimalsColumn("validation AUC", runs.Select(run => Rounded(run.ValidationAuc, 4)), decimals: 4),
        new DecimalsColumn("test AUC", runs.Select(run => Math.Round(run.TestAuc, 4)), decimals: 4),
        new DecimalsColumn("test loss", runs.Select(run => Rounded(run.TestLoss, 4)), decimals: 4),
        new PrimitiveDataFrameColumn<long>("parameters", runs.Select(run => run.Parameters)),
        new DecimalsColumn("seconds", runs.Select(run => Rounded(run.TrainingSeconds, 1)), decimals: 1));

    private static double? Rounded(double? value, int digits) => value is double number ? Math.Round(number, digits) : null;
}
