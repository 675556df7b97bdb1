using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// One embedding table per categorical field, the dense vectors e_i that DeepFM's FM and deep components share
/// (Guo et al. 2017, "DeepFM", arXiv:1703.04247, §2.1 and Figure 4).
/// <para>Input: int64 [B, F] per-field indices (<see cref="FeatureBatch.Categorical"/>).
/// Output: float32 [B, F, D], row f of example b being the embedding of that example's value of field f.</para>
/// </summary>
/// <remarks>
/// Mirrors <c>tf.feature_column.embedding_column</c> of the original: with a single id per field its "sum" combiner
/// is the embedding row itself, and the table is initialised truncated-normal with stddev 1/√D.
/// </remarks>
public sealed class FieldEmbeddings : Module<Tensor, Tensor>
{
    private readonly ModuleDict<Embedding> embeddingsByField;
    private readonly string[] fieldNames;
    private readonly long[] cardinalities;

    /// <summary>Creates a table of cardinality × <paramref name="dimension"/> for each field, in schema order.</summary>
    public FieldEmbeddings(IReadOnlyList<CategoricalField> fields, int dimension, Generator generator)
        : base(nameof(FieldEmbeddings))
    {
        if (fields.Count == 0) throw new ArgumentException("At least one categorical field is needed.", nameof(fields));
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), $"Embedding dimension must be positive, got {dimension}.");

        fieldNames = fields.Select(field => field.Name).ToArray();
        cardinalities = fields.Select(field => (long)field.Cardinality).ToArray();
        Dimension = dimension;

        embeddingsByField = new ModuleDict<Embedding>();
        foreach (var field in fields)
        {
            var embedding = Embedding(field.Cardinality, dimension);
            using (var weight = embedding.weight!)
                Initializers.FillTruncatedNormal(weight, stddev: 1.0 / Math.Sqrt(dimension), generator);
            embeddingsByField.Add((field.Name, embedding));
        }
        RegisterComponents();
    }

    /// <summary>Embedding dimension D.</summary>
    public int Dimension { get; }

    /// <summary>Number of fields F.</summary>
    public int FieldCount => fieldNames.Length;

    /// <inheritdoc />
    public override Tensor forward(Tensor categorical)
    {
        IndexInputChecks.RequireIndexColumns(categorical, nameof(FeatureBatch.Categorical), fieldNames, cardinalities);

        var fieldVectors = new Tensor[FieldCount];
        for (var field = 0; field < FieldCount; field++)
        {
            var (_, embedding) = embeddingsByField[field];
            fieldVectors[field] = embedding.call(categorical[.., field]);   // [B, D]
        }
        return torch.stack(fieldVectors, dim: 1);                           // [B, F, D]
    }
}
