using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

[Collection(TorchTrainingCollection.Name)]
public class FlatAdagradTests
{
    [Fact]
    public void FiveStepsEqualTorchSharpsAdagradWeightByWeight()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        var options = DeepFmOptions.DeepFm with { EmbeddingDimension = 8, HiddenUnits = [16, 8] };
        using var flatModel = new DeepFmModel(schema, options, seed: 31);
        using var referenceModel = new DeepFmModel(schema, options, seed: 31);
        using var flat = new FlatAdagrad(flatModel.parameters(), learningRate: 0.1, initialAccumulator: 0.1, epsilon: 1e-7);
        using var reference = optim.Adagrad(referenceModel.parameters(), lr: 0.1, initial_accumulator_value: 0.1, eps: 1e-7);

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
        // The updates reached the parameters the model reads (they are views of the buffer, not copies).
        using var untrained = new DeepFmModel(schema, options, seed: 31);
        Assert.False(ModelTestData.SameValues(flatModel.Mlp!.parameters().First(), untrained.Mlp!.parameters().First()));
    }

    [Fact]
    public void KeepsTheParametersValuesAndRejectsMixedTypes()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var model = new DeepFmModel(schema, DeepFmOptions.FactorizationMachine with { EmbeddingDimension = 4 }, seed: 32);
        var before = model.parameters().Select(parameter => parameter.detach().clone()).ToList();

        using var optimizer = new FlatAdagrad(model.parameters(), 0.1, 0.1, 1e-7);

        Assert.All(model.parameters().Zip(before), pair => Assert.True(ModelTestData.SameValues(pair.First, pair.Second)));
        Assert.All(model.parameters(), parameter => Assert.Equal(parameter.shape, parameter.grad!.shape));
        using var mixed = new TorchSharp.Modules.Parameter(torch.zeros(3, dtype: ScalarType.Float64));
        Assert.Throws<ArgumentException>(() => new FlatAdagrad([model.parameters().First(), mixed], 0.1, 0.1, 1e-7));
        Assert.Throws<ArgumentException>(() => new FlatAdagrad([], 0.1, 0.1, 1e-7));
    }
}
