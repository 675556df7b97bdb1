using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization", ICLR; Algorithm 2) with every
/// parameter in one flat buffer, like <see cref="FlatAdagrad"/>: a step is a handful of tensor operations whatever
/// the number of parameters. With t the step number, g the gradient and λ the weight decay:
/// <code>
/// θ ← θ − lr · λ · θ                                  (decoupled weight decay: shrink every weight)
/// m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²     (running mean and mean square of the gradient)
/// θ ← θ − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)  (bias-corrected Adam step)
/// </code>
/// The same update, weight by weight, as TorchSharp's <c>optim.AdamW</c> (PyTorch's formula); with λ = 0 it is Adam.
/// </summary>
/// <remarks>
/// Decoupled decay shrinks each weight by the same fraction lr·λ per step, whatever its gradient; an L2 term in
/// the loss would instead be rescaled by Adam's per-weight step size, which is what makes "Adam + L2" regularise
/// rarely-updated embedding rows (most users and movies in a batch) so unevenly.
/// <para>Scalars that change every step (the bias corrections) are created and disposed around their native call;
/// the constant ones live with the optimiser (TorchSharp 0.107 does not keep a temporary Scalar alive for the
/// length of the native call it is passed to).</para>
/// </remarks>
public sealed class FlatAdamW : IFlatOptimizer
{
    private readonly Tensor flatParameters;   // θ, float32 [N]; every parameter is a view into it
    private readonly Tensor flatGradients;    // g, float32 [N]; every parameter's grad is a view into it
    private readonly Tensor gradientMeans;    // m, float32 [N]
    private readonly Tensor squaredMeans;     // v, float32 [N]
    private readonly Tensor denominator;      // √v / √(1 − β₂ᵗ) + ε, float32 [N], reused every step
    private readonly Scalar beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, decayFactor;
    private int step;

    /// <summary>
    /// Moves <paramref name="parameters"/> (float32, on one device) into one buffer, keeping their values, with
    /// PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    /// </summary>
    public FlatAdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        (flatParameters, flatGradients) = FlatParameters.Flatten(parameters, out Parameter[] flattened);
        Parameters = flattened;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        gradientMeans = torch.zeros_like(flatParameters);
        squaredMeans = torch.zeros_like(flatParameters);
        denominator = torch.empty_like(flatParameters);
        this.beta1 = beta1;
        oneMinusBeta1 = 1 - beta1;
        this.beta2 = beta2;
        oneMinusBeta2 = 1 - beta2;
        this.epsilon = epsilon;
        decayFactor = 1 - learningRate * weightDecay;
        (Beta1, Beta2) = (beta1, beta2);
    }

    /// <summary>The parameters this optimiser updates, in buffer order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The step size lr.</summary>
    public double LearningRate { get; }

    /// <summary>The decoupled weight decay λ (0 = Adam).</summary>
    public double WeightDecay { get; }

    private double Beta1 { get; }
    private double Beta2 { get; }

    /// <inheritdoc />
    public void ZeroGrad()
    {
        using var noGrad = torch.no_grad();
        flatGradients.zero_();
    }

    /// <inheritdoc />
    public void Step()
    {
        using var noGrad = torch.no_grad();
        step++;
        double biasCorrection1 = 1 - Math.Pow(Beta1, step), biasCorrection2 = 1 - Math.Pow(Beta2, step);
        using Scalar inverseRootCorrection2 = 1 / Math.Sqrt(biasCorrection2);
        using Scalar negativeStepSize = -LearningRate / biasCorrection1;

        if (WeightDecay > 0)
            flatParameters.mul_(decayFactor);                                          // θ ← θ(1 − lr λ)
        gradientMeans.mul_(beta1).add_(flatGradients, oneMinusBeta1);                 // m ← β₁m + (1 − β₁)g
        squaredMeans.mul_(beta2).addcmul_(flatGradients, flatGradients, oneMinusBeta2);   // v ← β₂v + (1 − β₂)g²
        denominator.copy_(squaredMeans).sqrt_().mul_(inverseRootCorrection2).add_(epsilon);
        flatParameters.addcdiv_(gradientMeans, denominator, negativeStepSize);        // θ ← θ − lr/(1−β₁ᵗ) · m / denominator
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (IDisposable owned in new IDisposable[]
                 { flatParameters, flatGradients, gradientMeans, squaredMeans, denominator, beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, decayFactor })
            owned.Dispose();
    }
}
