using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The dense vectors e_i of the categorical fields, which DeepFM's FM and deep components share
/// (Guo et al. 2017, "DeepFM", arXiv:1703.04247, §2.1 and Figure 4): one D-vector per value of every field.
/// <para>Input: int64 [B, F] per-field indices (<see cref="FeatureBatch.Categorical"/>).
/// Output: float32 [B, F, D], row f of example b being the embedding of that example's value of field f.</para>
/// </summary>
/// <remarks>
/// All fields share one table of Σ cardinalities rows, field f owning the block that starts at offset_f =
/// Σ_{g&lt;f} cardinality_g (d2l's layout, and the one-hot layout of <see cref="FirstOrderWeights"/>): one lookup
/// for all fields instead of one per field. The lookup is <c>index_select</c> on the table, which is what an
/// <c>Embedding</c> layer does, with a cheaper backward pass on the CPU (measured: ≈ 15 % less).
/// <see cref="TableOf"/> gives one field's block as its own [cardinality, D] table.
/// Mirrors <c>tf.feature_column.embedding_column</c> of the original: with a single id per field its "sum" combiner
/// is the embedding row itself, and each field's block is initialised truncated-normal with stddev 1/√D.
/// </remarks>
public sealed class FieldEmbeddings : Module<Tensor, Tensor>
{
    private readonly Parameter sharedTable;
    private readonly Tensor fieldOffsets;
    private readonly string[] fieldNames;
    private readonly long[] cardinalities;

    /// <summary>Creates the table: a cardinality × <paramref name="dimension"/> block for each field, in schema order.</summary>
    public FieldEmbeddings(IReadOnlyList<CategoricalField> fields, int dimension, Generator generator)
        : base(nameof(FieldEmbeddings))
    {
        if (fields.Count == 0) throw new ArgumentException("At least one categorical field is needed.", nameof(fields));
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), $"Embedding dimension must be positive, got {dimension}.");

        fieldNames = fields.Select(field => field.Name).ToArray();
        cardinalities = fields.Select(field => (long)field.Cardinality).ToArray();
        Offsets = FeatureSchema.OffsetsOf(fields);
        Dimension = dimension;

        sharedTable = Parameter(torch.empty(cardinalities.Sum(), dimension));
        // Field by field, in schema order, so the weights are those of one table per field with the same seed.
        for (var field = 0; field < fields.Count; field++)
            using (var block = TableOf(field))
                Initializers.FillTruncatedNormal(block, stddev: 1.0 / Math.Sqrt(dimension), generator);
        // Offsets are a constant of the layout, not state: keep them out of the state dict.
        fieldOffsets = torch.tensor(Offsets.ToArray()).unsqueeze(0);   // [1, F]
        register_buffer(nameof(fieldOffsets), fieldOffsets, persistent: false);
        RegisterComponents();
    }

    /// <summary>Embedding dimension D.</summary>
    public int Dimension { get; }

    /// <summary>Number of fields F.</summary>
    public int FieldCount => fieldNames.Length;

    /// <summary>Where each field's block starts in the shared table.</summary>
    public IReadOnlyList<long> Offsets { get; }

    /// <summary>The shared table, float32 [Σ cardinalities, D].</summary>
    public Parameter Weights => sharedTable;

    /// <summary>
    /// Field <paramref name="field"/>'s block of the table, float32 [cardinality, D]: a view that shares the
    /// table's storage (changing it changes the model). Row i is the vector of that field's value i.
    /// </summary>
    public Tensor TableOf(int field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(field);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(field, FieldCount);
        return sharedTable.narrow(0, Offsets[field], cardinalities[field]);
    }

    /// <summary>
    /// Throws, naming the field, unless <paramref name="categorical"/> is int64 [B, F] with every index inside its
    /// field's vocabulary. <see cref="DeepFmModel"/> checks each batch once; call this when you use the module alone.
    /// </summary>
    public void CheckIndices(Tensor categorical) =>
        IndexInputChecks.RequireIndexColumns(categorical, nameof(FeatureBatch.Categorical), fieldNames, cardinalities);

    /// <inheritdoc />
    public override Tensor forward(Tensor categorical)
    {
        var tableRows = categorical + fieldOffsets;                             // [B, F], each index moved into its field's block
        var vectors = sharedTable.index_select(0, tableRows.view(-1));          // [B·F, D], one table row per index
        return vectors.view(categorical.shape[0], categorical.shape[1], Dimension);   // [B, F, D]
    }
}
