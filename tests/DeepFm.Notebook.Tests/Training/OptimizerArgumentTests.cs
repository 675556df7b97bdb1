using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>AdamW's own argument checks (the trainer's options check them too, but the class is public).</summary>
public class OptimizerArgumentTests
{
    [Fact]
    public void AdamWRejectsANonPositiveLearningRateAndANegativeDecay()
    {
        using var weights = nn.Parameter(torch.zeros(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAdamW([weights], learningRate: 0, weightDecay: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatAdamW([weights], learningRate: 0.01, weightDecay: -0.1));
    }
}
