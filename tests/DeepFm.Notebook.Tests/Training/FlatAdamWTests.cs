using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

public class FlatAdamWTests
{
    [Theory]
    [InlineData(0.0)]   // plain Adam
    [InlineData(3.0)]   // notebook 06's decoupled weight decay
    public void FiveStepsEqualTorchSharpsAdamWWeightByWeight(double weightDecay)
    {
        using var flatModel = OptimizerEquality.AssertFiveStepsEqual(
            parameters => new FlatAdamW(parameters, learningRate: 0.003, weightDecay),
            parameters => optim.AdamW(parameters, lr: 0.003, weight_decay: weightDecay));
    }

    [Fact]
    public void TrainerTrainsWithAdamWAndRejectsDecayForAdagrad()
    {
        using var fixture = new Data.MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: ExtraFields.All);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] }, seed: 3);
        var options = new TrainerOptions { Epochs = 3, TrainBatchSize = 4, ValidateEvery = 1, Threads = 1,
            Optimizer = OptimizerKind.AdamW, LearningRate = 0.01, WeightDecay = 1 };
        TrainingHistory history = Trainer.Fit(model, features.Ratings, features.Ratings, options, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(3, history.Epochs.Count);
        Assert.All(history.Epochs, record => Assert.True(double.IsFinite(record.TrainLoss)));

        var adagradWithDecay = new TrainerOptions { WeightDecay = 0.1 };
        Assert.Contains("needs Optimizer = AdamW", Assert.Throws<ArgumentException>(adagradWithDecay.Validate).Message);
        var decayTooStrong = new TrainerOptions { Optimizer = OptimizerKind.AdamW, LearningRate = 0.1, WeightDecay = 10 };
        Assert.Throws<ArgumentException>(decayTooStrong.Validate);
    }
}
