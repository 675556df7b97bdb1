using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Evaluation;

public class ModelComparisonChoiceTests
{
    private static readonly TrainerOptions TwoEpochs =
        new() { Epochs = 2, ValidateEvery = 1, TrainBatchSize = 64, Threads = 1 };

    [Fact]
    public void The_chosen_variant_has_the_highest_MEAN_validation_auc_over_its_seeds()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);
        DeepFmOptions smallFm = DeepFmOptions.FactorizationMachine with { EmbeddingDimension = 4 };
        DeepFmOptions smallDnn = DeepFmOptions.Dnn with { EmbeddingDimension = 4, HiddenUnits = [8] };

        using var comparison = ModelComparison.Run(split, task, TwoEpochs,
            [DeepFmOptions.LogisticRegression, smallFm, smallDnn], seeds: [4, 5, 6],
            cancellation: TestContext.Current.CancellationToken);

        // Computed here from the runs: mean, min and max of each variant's validation AUCs over its three seeds.
        var variants = comparison.Results.Where(run => run.ChosenEpoch is not null).GroupBy(run => run.Model)
            .Select(group => (Name: group.Key, Mean: group.Sum(run => run.ValidationAuc!.Value) / group.Count(),
                Min: group.Min(run => run.ValidationAuc!.Value)))
            .ToArray();
        string byMean = variants.OrderByDescending(variant => variant.Mean).First().Name;
        string report = string.Join("; ", variants.Select(variant => $"{variant.Name} mean {variant.Mean:F4} min {variant.Min:F4}"));
        // The data must tell the rules apart, or the assertion below would prove nothing.
        Assert.True(byMean != variants.OrderBy(variant => variant.Mean).First().Name, report);        // lowest mean
        Assert.True(byMean != variants.OrderByDescending(variant => variant.Min).First().Name, report);   // best worst seed

        Assert.Equal(byMean, comparison.ChosenVariant);
    }

    [Fact]
    public void A_comparison_without_variants_or_without_seeds_is_refused_naming_which()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);
        CancellationToken cancellation = TestContext.Current.CancellationToken;

        Assert.Equal("variants", Assert.Throws<ArgumentException>(() =>
            ModelComparison.Run(split, task, TwoEpochs, variants: [], seeds: [1], cancellation: cancellation)).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentException>(() =>
            ModelComparison.Run(split, task, TwoEpochs, [DeepFmOptions.LogisticRegression], seeds: [], cancellation: cancellation)).ParamName);
    }

    [Fact]
    public void The_progress_lines_show_a_dash_for_the_seedless_baseline()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);
        var lines = new List<string>();

        using var comparison = ModelComparison.Run(split, task, TwoEpochs, [DeepFmOptions.LogisticRegression], seeds: [7],
            progress: lines.Add, cancellation: TestContext.Current.CancellationToken);

        Assert.StartsWith("popularity seed -  ", lines[1]);   // no seed: a dash, padded like a seed
        Assert.StartsWith("random     seed 7  ", lines[2]);
    }
}
