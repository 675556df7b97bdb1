using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Evaluation;

/// <summary>
/// A missing or impossible argument to the evaluation API gets an exception naming it, not a NullReferenceException
/// (or a wrong number) further down.
/// </summary>
public class EvaluationArgumentTests
{
    private static readonly TrainerOptions OneEpoch = new() { Epochs = 1, TrainBatchSize = 64, Threads = 1 };

    [Fact]
    public void Top_k_metrics_name_the_missing_or_impossible_argument()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        RankingTask task = RankingTask.Create(features, [0, 1, 2, 4, 5, 6], [3, 7, 8, 9]);
        List<float[]> scores = task.Users.Select(user => new float[user.Candidates.Length]).ToList();

        Assert.Equal("task", Assert.Throws<ArgumentNullException>(() => TopKMetrics.Evaluate(null!, scores)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentNullException>(() => TopKMetrics.Evaluate(task, null!)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => TopKMetrics.Evaluate(task, scores, k: 0)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TopKMetrics.Evaluate(task, scores.Skip(1).ToList())).ParamName);
        RankingTask nobody = RankingTask.Create(features, [0, 1, 2, 4, 5, 6], []);
        Assert.Equal("task", Assert.Throws<ArgumentException>(() => TopKMetrics.Evaluate(nobody, [])).ParamName);

        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => TopKMetrics.TopK(null!, [1f], 1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentNullException>(() => TopKMetrics.TopK([1], null!, 1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TopKMetrics.TopK([1, 2], [1f], 1)).ParamName);
    }

    [Fact]
    public void The_protocol_and_the_comparison_name_the_missing_argument()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.LogisticRegression, 1);
        CancellationToken cancellation = TestContext.Current.CancellationToken;

        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() =>
            ValidationProtocol.Run("LR", null!, split, OneEpoch, cancellation)).ParamName);
        Assert.Equal("split", Assert.Throws<ArgumentNullException>(() =>
            ValidationProtocol.Run("LR", model, null!, OneEpoch, cancellation)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() =>
            ValidationProtocol.Run("LR", model, split, null!, cancellation)).ParamName);

        Assert.Equal("split", Assert.Throws<ArgumentNullException>(() =>
            ModelComparison.Run(null!, task, OneEpoch, cancellation: cancellation)).ParamName);
        Assert.Equal("task", Assert.Throws<ArgumentNullException>(() =>
            ModelComparison.Run(split, null!, OneEpoch, cancellation: cancellation)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() =>
            ModelComparison.Run(split, task, null!, cancellation: cancellation)).ParamName);
    }

    [Fact]
    public void Mean_sd_names_missing_values()
    {
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => MeanSd.SampleStandardDeviation(null!)).ParamName);
    }
}
