using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Experiments;

/// <summary>
/// Trains several <see cref="Recipe"/>s over several seeds with notebook 05's <see cref="ValidationProtocol"/>, which
/// does not peek at the test split: the models learn from 72,000 ratings, the epoch (early stopping, best weights) is
/// chosen on the 8,000 validation ratings (<see cref="ValidationSplit"/>), and the original's 20,000 test ratings
/// are scored once per run. Every recipe sees the same ratings in each part, whatever fields it encodes.
/// </summary>
public sealed class Ablation
{
    private readonly List<Recipe> recipes;

    private Ablation(List<Recipe> recipes, List<ValidatedRun> runs)
    {
        this.recipes = recipes;
        Runs = runs;
    }

    /// <summary>Every run, recipe by recipe, seed by seed.</summary>
    public IReadOnlyList<ValidatedRun> Runs { get; }

    /// <summary>
    /// One row per recipe: its fields and training, validation and test AUC as mean ± sample standard deviation
    /// over the seeds, and the test AUC's gain over the first recipe (the baseline).
    /// </summary>
    public DataFrame Summary => AblationTables.Summary(recipes, Runs);

    /// <summary>One row per run.</summary>
    public DataFrame RunTable => AblationTables.Runs(Runs);

    /// <summary>
    /// Runs every recipe with every seed on <paramref name="data"/>; <paramref name="progress"/> receives one line
    /// per finished run. The features of each distinct <see cref="ExtraFields"/> are built once, and split as the
    /// original splits (seed 42; <paramref name="trainCount"/> and <paramref name="testCount"/> are for small data).
    /// </summary>
    public static Ablation Run(MovieLens100k data, IEnumerable<Recipe> recipes, IReadOnlyList<int> seeds,
        Action<string>? progress = null, int trainCount = TrainTestSplit.DefaultTrainCount,
        int testCount = TrainTestSplit.DefaultTestCount, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        List<Recipe> recipeList = [.. recipes];
        if (recipeList.Count == 0 || seeds.Count == 0)
            throw new ArgumentException("Give at least one recipe and one seed.", recipeList.Count == 0 ? nameof(recipes) : nameof(seeds));
        var splits = new Dictionary<ExtraFields, ValidationSplit>();
        var runs = new List<ValidatedRun>();
        foreach (Recipe recipe in recipeList)
        {
            if (!splits.TryGetValue(recipe.Fields, out ValidationSplit? split))
                splits[recipe.Fields] = split = ValidationSplit.Create(
                    MovieLensFeatures.Build(data, extraFields: recipe.Fields).Split(trainCount, testCount));
            foreach (int seed in seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                using var model = new DeepFmModel(split.Train.Schema, recipe.Model, seed);
                ValidatedRun run = ValidationProtocol.Run(recipe.Name, model, split, recipe.Training with { Seed = seed }, cancellation);
                runs.Add(run);
                progress?.Invoke($"{run.Model,-34} seed {seed}  epoch {run.ChosenEpoch,2} of {run.EpochsTrained,2}  "
                    + $"validation AUC {run.ValidationAuc:F4}  test AUC {run.TestAuc:F4}  ({run.TrainingSeconds:F0} s)");
            }
        }
        return new Ablation(recipeList, runs);
    }
}
