using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The weight initialisations of the original Keras/TensorFlow model, drawn from an explicit
/// <see cref="torch.Generator"/> so that building a model twice with the same seed gives the same weights.
/// Each method overwrites <c>target</c> in place (under <c>no_grad</c>) and returns it.
/// </summary>
/// <remarks>
/// TorchSharp's <c>nn.init</c> functions accept a generator argument but ignore it and use the global generator,
/// so we draw with <c>torch.rand</c>/<c>torch.randn</c>, which honour it, and copy the values in.
/// </remarks>
public static class Initializers
{
    /// <summary>
    /// TensorFlow's <c>truncated_normal</c>: normal(0, <paramref name="stddev"/>) where every draw beyond two standard
    /// deviations is drawn again (the initializer of <c>tf.feature_column.embedding_column</c>, whose default
    /// stddev is 1/√dimension).
    /// </summary>
    public static Tensor FillTruncatedNormal(Tensor target, double stddev, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var standardNormal = torch.randn(target.shape, generator: generator);
        // Rejection sampling, as TF does: redraw only the values outside [-2, 2] until none is left.
        // About 4.6% fall outside per round, so a handful of rounds suffices.
        var outside = standardNormal.abs() > 2.0;
        while (outside.any().item<bool>())
        {
            var redrawn = torch.randn(target.shape, generator: generator);
            standardNormal = torch.where(outside, redrawn, standardNormal);
            outside = standardNormal.abs() > 2.0;
        }
        return CopyInto(target, standardNormal * stddev);
    }

    /// <summary>
    /// Keras' <c>glorot_uniform</c> (the default kernel initializer of <c>Dense</c>): uniform(−limit, limit) with
    /// limit = √(6 / (fanIn + fanOut)). The fans are passed explicitly because a Keras kernel is stored
    /// [in, out] while a TorchSharp <c>Linear</c> weight is [out, in].
    /// </summary>
    public static Tensor FillGlorotUniform(Tensor target, long fanIn, long fanOut, Generator generator)
    {
        if (fanIn <= 0 || fanOut <= 0)
            throw new ArgumentOutOfRangeException(nameof(fanIn), $"Glorot initialisation needs positive fans, got fanIn={fanIn}, fanOut={fanOut}.");
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        return FillUniform(target, -limit, limit, generator);
    }

    /// <summary>Uniform(<paramref name="low"/>, <paramref name="high"/>), e.g. Keras' <c>Embedding</c> default (−0.05, 0.05).</summary>
    public static Tensor FillUniform(Tensor target, double low, double high, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var unitUniform = torch.rand(target.shape, generator: generator);
        return CopyInto(target, unitUniform * (high - low) + low);
    }

    /// <summary>Zeros, the Keras default for biases.</summary>
    public static Tensor FillZeros(Tensor target)
    {
        using var noGrad = torch.no_grad();
        target.zero_();
        return target;
    }

    private static Tensor CopyInto(Tensor target, Tensor values)
    {
        using var noGrad = torch.no_grad();
        target.copy_(values.to(target.dtype));
        return target;
    }
}
