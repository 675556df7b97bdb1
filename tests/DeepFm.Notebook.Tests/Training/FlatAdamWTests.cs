using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

[Collection(TorchTrainingCollection.Name)]
public class FlatAdamWTests
{
    [Theory]
    [InlineData(0.0)]   // plain Adam
    [InlineData(3.0)]   // notebook 06's decoupled weight decay
    public void FiveStepsEqualTorchSharpsAdamWWeightByWeight(double weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        var options = DeepFmOptions.DeepFm with { EmbeddingDimension = 8, HiddenUnits = [16, 8] };
        using var flatModel = new DeepFmModel(schema, options, seed: 31);
        using var referenceModel = new DeepFmModel(schema, options, seed: 31);
        using var flat = new FlatAdamW(flatModel.parameters(), learningRate: 0.003, weightDecay);
        using var reference = optim.AdamW(referenceModel.parameters(), lr: 0.003, weight_decay: weightDecay);

        for (int step = 0; step < 5; step++)
        {
            using var batch = ModelTestData.RandomBatch(schema, batchSize: 64, seed: 100 + step);
            flat.ZeroGrad();
            nn.functional.binary_cross_entropy_with_logits(flatModel.Logits(batch), batch.Labels).backward();
            flat.Step();
            reference.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(referenceModel.Logits(batch), batch.Labels).backward();
            reference.step();
        }

        var expected = referenceModel.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in flatModel.named_parameters())
        {
            double largestDifference = (parameter - expected[name]).abs().max().item<float>();
            Assert.True(largestDifference <= 1e-6, $"{name} differs by {largestDifference:E2}");
        }
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
