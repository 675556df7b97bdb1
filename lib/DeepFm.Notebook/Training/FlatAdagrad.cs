using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Adagrad (Duchi, Hazan and Singer 2011, "Adaptive Subgradient Methods for Online Learning and Stochastic
/// Optimization", JMLR 12) with every parameter in one flat buffer, so that a step is four tensor operations
/// whatever the number of parameters:
/// <code>
/// s ← s + g²            (per weight: the sum of its squared gradients, starting at the initial accumulator)
/// θ ← θ − lr · g / (√s + ε)
/// </code>
/// The same update, weight by weight, as TorchSharp's <c>optim.Adagrad</c> (and Keras' Adagrad of the original),
/// without learning-rate decay or weight decay, which the tutorial does not use.
/// </summary>
/// <remarks>
/// Why a buffer: TorchSharp's Adagrad runs a handful of operations per parameter tensor (ten for DeepFM) and
/// autograd hands back one gradient per parameter; each call crosses into libtorch and sets up a kernel, which for
/// a model this small costs more than the arithmetic. Here the parameters become views into one float32 [N] tensor
/// θ and their gradients views into one [N] tensor g, which autograd accumulates into in place (a parameter whose
/// <c>grad</c> is already set is added to, not replaced). <see cref="ZeroGrad"/> clears g with one call.
/// <para>The scalars passed to libtorch are created once and kept alive with the optimiser (TorchSharp 0.107 does not
/// keep a temporary Scalar alive for the length of the native call it is passed to).</para>
/// </remarks>
public sealed class FlatAdagrad : IFlatOptimizer
{
    private readonly Tensor flatParameters;       // θ, float32 [N]; every parameter is a view into it
    private readonly Tensor flatGradients;        // g, float32 [N]; every parameter's grad is a view into it
    private readonly Tensor squaredGradientSums;  // s, float32 [N]
    private readonly Tensor denominator;          // √s + ε, float32 [N], reused every step
    private readonly Scalar one = 1.0;
    private readonly Scalar epsilon;
    private readonly Scalar negativeLearningRate;

    /// <summary>
    /// Moves <paramref name="parameters"/> (float32, on one device) into one buffer, keeping their values, and sets
    /// up the accumulator at <paramref name="initialAccumulator"/>.
    /// </summary>
    public FlatAdagrad(IEnumerable<Parameter> parameters, double learningRate, double initialAccumulator, double epsilon)
    {
        (flatParameters, flatGradients) = FlatParameters.Flatten(parameters, out var flattened);
        Parameters = flattened;
        LearningRate = learningRate;
        squaredGradientSums = torch.full(flatParameters.shape[0], initialAccumulator, device: flatParameters.device);
        denominator = torch.empty_like(flatParameters);
        this.epsilon = epsilon;
        negativeLearningRate = -learningRate;
    }

    /// <summary>The parameters this optimiser updates, in buffer order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The step size lr.</summary>
    public double LearningRate { get; }

    /// <summary>Sets every gradient to zero (one call on the gradient buffer).</summary>
    public void ZeroGrad()
    {
        using var noGrad = torch.no_grad();
        flatGradients.zero_();
    }

    /// <summary>One Adagrad update of every parameter from the gradients accumulated since <see cref="ZeroGrad"/>.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        squaredGradientSums.addcmul_(flatGradients, flatGradients, one);    // s ← s + g²
        denominator.copy_(squaredGradientSums).sqrt_().add_(epsilon);         // √s + ε
        flatParameters.addcdiv_(flatGradients, denominator, negativeLearningRate);   // θ ← θ − lr · g / (√s + ε)
    }

    /// <inheritdoc />
    public void Dispose()
    {
        flatParameters.Dispose();
        flatGradients.Dispose();
        squaredGradientSums.Dispose();
        denominator.Dispose();
        one.Dispose();
        epsilon.Dispose();
        negativeLearningRate.Dispose();
    }
}
