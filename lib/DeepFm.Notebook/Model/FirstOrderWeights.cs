using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The first-order (linear) term of FM and DeepFM, ⟨w, x⟩ + b over the one-hot encoded categorical fields
/// (Guo et al. 2017, "DeepFM", arXiv:1703.04247, Eq. 2, first part).
/// <para>Input: int64 [B, F] per-field indices (<see cref="FeatureBatch.Categorical"/>).
/// Output: float32 [B, 1], b + Σ_f w[offset_f + index_f].</para>
/// </summary>
/// <remarks>
/// The original is Keras <c>Dense(1)</c> over the concatenated one-hot indicators (width Σ cardinalities; the title
/// is not part of it). A one-hot row times the kernel picks exactly one weight per field, so we look the weights up
/// instead of multiplying by a mostly-zero matrix: one table of Σ cardinalities × 1 where field f starts at
/// offset_f = Σ_{g&lt;f} cardinality_g. Initialised as Keras <c>Dense</c>: Glorot-uniform with fan_in = one-hot
/// width, fan_out = 1, and a zero bias.
/// <para>The lookup reads the weights as one vector (<c>index_select</c> on w viewed as [width]) rather than through an
/// <c>Embedding</c> of width 1: the same numbers, but the backward pass then adds the B·F gradients into a vector in
/// one loop, where an embedding's backward dispatches one small addition per looked-up row (about 1 ms of a step,
/// measured, against 0.07 ms).</para>
/// </remarks>
public sealed class FirstOrderWeights : Module<Tensor, Tensor>
{
    private readonly Parameter featureWeights;
    private readonly Parameter bias;
    private readonly Tensor fieldOffsets;
    private readonly string[] fieldNames;
    private readonly long[] cardinalities;

    /// <summary>Creates one weight per (field, value) pair and one shared bias.</summary>
    public FirstOrderWeights(IReadOnlyList<CategoricalField> fields, Generator generator)
        : base(nameof(FirstOrderWeights))
    {
        if (fields.Count == 0) throw new ArgumentException("At least one categorical field is needed.", nameof(fields));

        fieldNames = fields.Select(field => field.Name).ToArray();
        cardinalities = fields.Select(field => (long)field.Cardinality).ToArray();
        OneHotWidth = cardinalities.Sum();
        var offsets = FeatureSchema.OffsetsOf(fields);

        featureWeights = Parameter(torch.empty(OneHotWidth, 1));
        Initializers.FillGlorotUniform(featureWeights, fanIn: OneHotWidth, fanOut: 1, generator);
        bias = Parameter(torch.zeros(1));
        // Offsets are a constant of the layout, not state: keep them out of the state dict.
        fieldOffsets = torch.tensor(offsets).unsqueeze(0);   // [1, F]
        register_buffer(nameof(fieldOffsets), fieldOffsets, persistent: false);
        RegisterComponents();
    }

    /// <summary>Width of the one-hot encoding, Σ cardinalities (2,651 for MovieLens-100k: 943 + 2 + 7 + 17 + 1,682).</summary>
    public long OneHotWidth { get; }

    /// <summary>Where each field's block starts in the one-hot encoding, int64 [1, F].</summary>
    public Tensor FieldOffsets => fieldOffsets;

    /// <summary>The weights w, float32 [OneHotWidth, 1], in one-hot order (the Keras kernel).</summary>
    public Parameter Weights => featureWeights;

    /// <summary>The bias b, float32 [1].</summary>
    public Parameter Bias => bias;

    /// <summary>
    /// Throws, naming the field, unless <paramref name="categorical"/> is int64 [B, F] with every index inside its
    /// field's vocabulary. <see cref="DeepFmModel"/> checks each batch once; call this when you use the module alone.
    /// </summary>
    public void CheckIndices(Tensor categorical) =>
        IndexInputChecks.RequireIndexColumns(categorical, nameof(FeatureBatch.Categorical), fieldNames, cardinalities);

    /// <inheritdoc />
    public override Tensor forward(Tensor categorical)
    {
        var oneHotPositions = categorical + fieldOffsets;                                  // [B, F], position of each field's 1
        var pickedWeights = featureWeights.view(-1).index_select(0, oneHotPositions.view(-1));   // [B·F], w at those positions
        return pickedWeights.view(categorical.shape).sum(dim: 1, keepdim: true) + bias;   // [B, 1]
    }
}
