using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class InitializersTests
{
    [Fact]
    public void TruncatedNormalStaysWithinTwoStddevAndHasTheTruncatedSpread()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(41);
        var values = Initializers.FillTruncatedNormal(torch.empty(200_000), stddev: 0.5, generator);
        Assert.True(values.abs().max().item<float>() <= 1.0f);
        // Some values lie near the cut: truncation, not clipping or a narrower distribution.
        Assert.True(values.abs().max().item<float>() > 0.99f);
        Assert.Equal(0f, (values.abs() == 1.0f).sum().item<long>());   // clipping would pile values up at ±1
        Assert.InRange(values.std().item<float>(), 0.5 * 0.8796 * 0.99, 0.5 * 0.8796 * 1.01);
    }

    [Fact]
    public void GlorotUniformFillsUpToTheLimit()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(42);
        var values = Initializers.FillGlorotUniform(torch.empty(100_000), fanIn: 100, fanOut: 50, generator);
        var limit = Math.Sqrt(6.0 / 150);
        Assert.True(values.abs().max().item<float>() <= limit);
        // Uniform(-l, l) has standard deviation l/√3.
        Assert.InRange(values.std().item<float>(), limit / Math.Sqrt(3) * 0.99, limit / Math.Sqrt(3) * 1.01);
    }

    [Fact]
    public void SameSeedSameValuesRegardlessOfTheGlobalGenerator()
    {
        using var scope = torch.NewDisposeScope();
        Tensor Draw(ulong seed)
        {
            using var generator = new Generator(seed);
            torch.randn(10);   // consumes the global generator: must not matter
            return Initializers.FillTruncatedNormal(torch.empty(1000), 1.0, generator);
        }
        Assert.True(ModelTestData.SameValues(Draw(1), Draw(1)));
        Assert.False(ModelTestData.SameValues(Draw(1), Draw(2)));
    }
}
