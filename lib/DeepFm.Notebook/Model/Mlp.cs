using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The deep component of DeepFM: a feed-forward network over the concatenated field embeddings
/// (Guo et al. 2017, "DeepFM", arXiv:1703.04247, §2.1, Eqs. 5–7), ReLU after every hidden layer and a linear
/// output unit.
/// <para>Input: float32 [B, inputWidth] (the flattened [B, F·D] embeddings). Output: float32 [B, 1], a logit.</para>
/// </summary>
/// <remarks>
/// The original is Keras <c>Dense(64, relu) → Dense(32, relu) → Dense(1)</c>, so weights are Glorot-uniform and
/// biases zero (the Keras defaults), not TorchSharp's Kaiming-uniform defaults.
/// </remarks>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hiddenLayers;
    private readonly ReLU activation;
    private readonly Linear outputLayer;

    /// <summary>Creates Linear layers of <paramref name="hiddenUnits"/> widths, then a Linear(…, 1) output.</summary>
    public Mlp(long inputWidth, IReadOnlyList<int> hiddenUnits, Generator generator) : base(nameof(Mlp))
    {
        if (inputWidth <= 0) throw new ArgumentOutOfRangeException(nameof(inputWidth), $"Input width must be positive, got {inputWidth}.");
        if (hiddenUnits.Any(units => units <= 0))
            throw new ArgumentOutOfRangeException(nameof(hiddenUnits), $"Hidden layer widths must be positive, got [{string.Join(", ", hiddenUnits)}].");

        InputWidth = inputWidth;
        hiddenLayers = new ModuleList<Linear>();
        var width = inputWidth;
        foreach (var units in hiddenUnits)
        {
            hiddenLayers.Add(KerasDense(width, units, generator));
            width = units;
        }
        activation = ReLU();
        outputLayer = KerasDense(width, 1, generator);
        RegisterComponents();
    }

    /// <summary>Width of the input rows.</summary>
    public long InputWidth { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != InputWidth)
            throw new ArgumentException(
                $"Mlp expects input of shape [B, {InputWidth}] but got [{string.Join(", ", input.shape)}].", nameof(input));

        var hidden = input;
        foreach (var layer in hiddenLayers)
            hidden = activation.call(layer.call(hidden));   // [B, units]
        return outputLayer.call(hidden);                    // [B, 1]
    }

    private static Linear KerasDense(long inputWidth, long units, Generator generator)
    {
        var layer = Linear(inputWidth, units);
        Initializers.FillGlorotUniform(layer.weight, fanIn: inputWidth, fanOut: units, generator);
        Initializers.FillZeros(layer.bias!);
        return layer;
    }
}
