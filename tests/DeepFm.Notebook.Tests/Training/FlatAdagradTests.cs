using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

public class FlatAdagradTests
{
    [Fact]
    public void FiveStepsEqualTorchSharpsAdagradWeightByWeight()
    {
        using var flatModel = OptimizerEquality.AssertFiveStepsEqual(
            parameters => new FlatAdagrad(parameters, learningRate: 0.1, initialAccumulator: 0.1, epsilon: 1e-7),
            parameters => optim.Adagrad(parameters, lr: 0.1, initial_accumulator_value: 0.1, eps: 1e-7));

        // The updates reached the parameters the model reads (they are views of the buffer, not copies).
        using var untrained = new DeepFmModel(ModelTestData.MovieLens100kSchema(), OptimizerEquality.SmallDeepFm, seed: 31);
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
