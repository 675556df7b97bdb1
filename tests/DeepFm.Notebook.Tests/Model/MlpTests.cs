using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class MlpTests
{
    [Fact]
    public void MapsFlattenedEmbeddingsToOneLogitPerRow()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(31);
        using var mlp = new Mlp(inputWidth: 192, hiddenUnits: [64, 32], generator);
        var logits = mlp.call(torch.randn(5, 192));
        Assert.Equal(new long[] { 5, 1 }, logits.shape);
    }

    [Fact]
    public void LayersAreKerasDenseSized()
    {
        using var generator = new Generator(32);
        using var mlp = new Mlp(inputWidth: 192, hiddenUnits: [64, 32], generator);
        var shapes = mlp.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).ToList();
        Assert.Equal(
            [
                ("hiddenLayers.0.weight", "64x192"), ("hiddenLayers.0.bias", "64"),
                ("hiddenLayers.1.weight", "32x64"), ("hiddenLayers.1.bias", "32"),
                ("outputLayer.weight", "1x32"), ("outputLayer.bias", "1"),
            ],
            shapes);
        // 192·64 + 64 + 64·32 + 32 + 32·1 + 1 = 14,465.
        Assert.Equal(14_465, ModelSummary.CountParameters(mlp));
    }

    [Fact]
    public void GlorotUniformWeightsAndZeroBiases()
    {
        using var generator = new Generator(33);
        using var mlp = new Mlp(inputWidth: 192, hiddenUnits: [64, 32], generator);
        foreach (var (name, parameter) in mlp.named_parameters())
        {
            if (name.EndsWith("bias"))
            {
                Assert.Equal(0f, parameter.abs().max().item<float>());
                continue;
            }
            var (fanOut, fanIn) = (parameter.shape[0], parameter.shape[1]);
            var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            Assert.True(parameter.abs().max().item<float>() <= limit + 1e-7, $"{name} exceeds the Glorot limit {limit}");
        }
    }

    [Fact]
    public void ReluMakesItNonLinear()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(34);
        using var mlp = new Mlp(inputWidth: 6, hiddenUnits: [16], generator);
        var input = torch.randn(3, 6);
        // A linear map would give f(-x) = -f(x) (biases are zero at init); ReLU breaks that.
        Assert.False(mlp.call(-input).allclose(-mlp.call(input)));
    }

    [Fact]
    public void RejectsInputOfTheWrongWidth()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(35);
        using var mlp = new Mlp(inputWidth: 192, hiddenUnits: [64, 32], generator);
        var error = Assert.Throws<ArgumentException>(() => mlp.call(torch.randn(2, 6, 32)));
        Assert.Contains("[B, 192]", error.Message);
    }
}
