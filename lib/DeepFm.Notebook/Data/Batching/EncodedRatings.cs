using static TorchSharp.torch;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Ratings encoded for the model, stored column-wise in plain arrays and served as <see cref="FeatureBatch"/>es:
/// <list type="bullet">
/// <item>categorical indices, row-major [N, F] with F = <see cref="FeatureSchema.CategoricalFieldCount"/>;</item>
/// <item>per example, the row of its movie in a title token matrix [movies, L] (titles are stored once per movie,
/// not once per rating, and copied into each batch);</item>
/// <item>labels [N], 1 for a rating above 3.</item>
/// </list>
/// Batches are filled from reused buffers: no allocation per example.
/// </summary>
public sealed class EncodedRatings : IBatchSource
{
    private readonly long[] categorical;
    private readonly int[] titleRows;
    private readonly long[] titleTokens;
    private readonly float[] labels;

    /// <summary>Wraps the arrays (not copied). <paramref name="titleTokens"/> is [movies, schema.TitleLength] row-major.</summary>
    public EncodedRatings(FeatureSchema schema, long[] categorical, int[] titleRows, long[] titleTokens, float[] labels)
    {
        int fields = schema.CategoricalFieldCount;
        if (categorical.Length != labels.Length * fields || titleRows.Length != labels.Length
            || (schema.TitleLength > 0 && titleTokens.Length % schema.TitleLength != 0))
        {
            throw new ArgumentException($"Inconsistent lengths: {labels.Length} labels, {categorical.Length} categorical "
                + $"indices for {fields} fields, {titleRows.Length} title rows, {titleTokens.Length} title tokens of length {schema.TitleLength}.");
        }
        Schema = schema;
        this.categorical = categorical;
        this.titleRows = titleRows;
        this.titleTokens = titleTokens;
        this.labels = labels;
    }

    /// <inheritdoc />
    public int Count => labels.Length;

    /// <inheritdoc />
    public FeatureSchema Schema { get; }

    /// <summary>The labels of all examples in stored order (for metrics over the whole set).</summary>
    public ReadOnlySpan<float> Labels => labels;

    /// <summary>The categorical indices of example <paramref name="row"/>, one per field.</summary>
    public ReadOnlySpan<long> CategoricalRow(int row) => categorical.AsSpan(row * Schema.CategoricalFieldCount, Schema.CategoricalFieldCount);

    /// <summary>The padded title token ids of example <paramref name="row"/>.</summary>
    public ReadOnlySpan<long> TitleTokensOf(int row) => titleTokens.AsSpan(titleRows[row] * Schema.TitleLength, Schema.TitleLength);

    /// <summary>The examples at <paramref name="rows"/>, in that order, sharing the title matrix.</summary>
    public EncodedRatings Subset(ReadOnlySpan<int> rows)
    {
        int fields = Schema.CategoricalFieldCount;
        var subsetCategorical = new long[rows.Length * fields];
        var subsetTitleRows = new int[rows.Length];
        var subsetLabels = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            Array.Copy(categorical, row * fields, subsetCategorical, i * fields, fields);
            subsetTitleRows[i] = titleRows[row];
            subsetLabels[i] = labels[row];
        }
        return new EncodedRatings(Schema, subsetCategorical, subsetTitleRows, titleTokens, subsetLabels);
    }

    /// <inheritdoc />
    public IEnumerable<FeatureBatch> Batches(int batchSize, int? shuffleSeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int[] order = shuffleSeed is int seed ? SeededShuffle.Permutation(Count, seed) : Enumerable.Range(0, Count).ToArray();
        return BatchesInOrder(order, batchSize);
    }

    private IEnumerable<FeatureBatch> BatchesInOrder(int[] order, int batchSize)
    {
        int fields = Schema.CategoricalFieldCount, length = Schema.TitleLength;
        long[] categoricalBuffer = [], titleBuffer = [];
        float[] labelBuffer = [];
        for (int start = 0; start < order.Length; start += batchSize)
        {
            int size = Math.Min(batchSize, order.Length - start);
            if (labelBuffer.Length != size)
            {
                // Allocated for the first batch and once more for a smaller last batch; torch.tensor copies them.
                categoricalBuffer = new long[size * fields];
                titleBuffer = new long[size * length];
                labelBuffer = new float[size];
            }
            for (int i = 0; i < size; i++)
            {
                int row = order[start + i];
                Array.Copy(categorical, row * fields, categoricalBuffer, i * fields, fields);
                Array.Copy(titleTokens, titleRows[row] * length, titleBuffer, i * length, length);
                labelBuffer[i] = labels[row];
            }
            yield return new FeatureBatch(
                tensor(categoricalBuffer, [size, fields]),
                tensor(titleBuffer, [size, length]),
                tensor(labelBuffer, [size]));
        }
    }
}
