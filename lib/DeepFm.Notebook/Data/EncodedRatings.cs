using TorchSharp;
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

/// <summary>
/// A batch of encoded examples as TorchSharp tensors.
/// <list type="bullet">
/// <item><see cref="Categorical"/>: int64 [B, F], per-field vocabulary indices in <see cref="FeatureSchema"/> order.</item>
/// <item><see cref="TitleTokens"/>: int64 [B, L], title token ids, 0 = padding, 1 = out-of-vocabulary.</item>
/// <item><see cref="Labels"/>: float32 [B], 1 when the rating is 4 or 5 stars, else 0.</item>
/// </list>
/// The batch owns its tensors; dispose it (or create it inside a <c>torch.NewDisposeScope()</c>).
/// </summary>
public sealed class FeatureBatch(Tensor categorical, Tensor titleTokens, Tensor labels) : IDisposable
{
    /// <summary>int64 [B, F] vocabulary indices of the categorical fields.</summary>
    public Tensor Categorical { get; } = categorical;

    /// <summary>int64 [B, L] padded title token ids (0 = padding).</summary>
    public Tensor TitleTokens { get; } = titleTokens;

    /// <summary>float32 [B] binary labels.</summary>
    public Tensor Labels { get; } = labels;

    /// <summary>Number of examples B.</summary>
    public int Count => (int)Labels.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Categorical.Dispose();
        TitleTokens.Dispose();
        Labels.Dispose();
    }
}

/// <summary>
/// A set of encoded examples that can be walked in batches: the training and test splits implement it, and the
/// trainer consumes it.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of examples.</summary>
    int Count { get; }

    /// <summary>The fields and sizes the batches are encoded with.</summary>
    FeatureSchema Schema { get; }

    /// <summary>
    /// Yields the examples in batches of <paramref name="batchSize"/> (the last one may be smaller). With a
    /// <paramref name="shuffleSeed"/> the order is a permutation drawn from that seed (the same seed gives the same
    /// order); without one the stored order is kept. Each batch is owned by the caller.
    /// </summary>
    IEnumerable<FeatureBatch> Batches(int batchSize, int? shuffleSeed = null);
}

/// <summary>
/// Random permutations that depend only on a seed: a Fisher–Yates shuffle driven by SplitMix64, written out here so
/// the order is the same on every machine and .NET version. It cannot reproduce TensorFlow's
/// <c>shuffle(100_000, seed=42)</c> order — that comes from TF's own Philox generator — so our split has the
/// original's sizes and randomness, not its exact rows.
/// </summary>
public static class SeededShuffle
{
    /// <summary>A permutation of 0 … <paramref name="count"/> − 1 drawn from <paramref name="seed"/>.</summary>
    public static int[] Permutation(int count, int seed)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        ShuffleInPlace(order, seed);
        return order;
    }

    /// <summary>Shuffles <paramref name="items"/> in place; the same seed and length give the same order.</summary>
    public static void ShuffleInPlace<T>(Span<T> items, int seed)
    {
        ulong state = (ulong)(uint)seed;
        for (int i = items.Length - 1; i > 0; i--)
        {
            // Multiply-high maps the 64-bit draw onto 0..i; its bias, below 2^-32 for these sizes, is immaterial.
            int j = (int)Math.BigMul(NextSplitMix64(ref state), (ulong)(i + 1), out _);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong NextSplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// The original's split: shuffle all ratings once with seed 42, take the first 80,000 for training and the next
/// 20,000 for testing. The permutation is <see cref="SeededShuffle"/>'s, not TensorFlow's, so the sizes and the
/// seeded determinism match the original but the rows in each part do not.
/// </summary>
public sealed class TrainTestSplit
{
    /// <summary>The original's values: seed 42, 80,000 train, 20,000 test.</summary>
    public const int DefaultSeed = 42, DefaultTrainCount = 80_000, DefaultTestCount = 20_000;

    private TrainTestSplit(EncodedRatings train, EncodedRatings test, int[] trainRows, int[] testRows)
    {
        Train = train;
        Test = test;
        TrainRows = trainRows;
        TestRows = testRows;
    }

    /// <summary>Training examples, in shuffled order.</summary>
    public EncodedRatings Train { get; }

    /// <summary>Test examples, in shuffled order.</summary>
    public EncodedRatings Test { get; }

    /// <summary>For each training example, its row in the full set (and so in <see cref="MovieLens100k.Ratings"/>).</summary>
    public IReadOnlyList<int> TrainRows { get; }

    /// <summary>For each test example, its row in the full set.</summary>
    public IReadOnlyList<int> TestRows { get; }

    /// <summary>Shuffles <paramref name="all"/> with <paramref name="seed"/> and cuts it into train and test parts.</summary>
    public static TrainTestSplit Create(EncodedRatings all, int trainCount = DefaultTrainCount,
        int testCount = DefaultTestCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        if (trainCount + testCount > all.Count)
        {
            throw new ArgumentException(
                $"Cannot take {trainCount:N0} training and {testCount:N0} test examples from {all.Count:N0} ratings.");
        }
        int[] shuffled = SeededShuffle.Permutation(all.Count, seed);
        int[] trainRows = shuffled[..trainCount];
        int[] testRows = shuffled[trainCount..(trainCount + testCount)];
        return new TrainTestSplit(all.Subset(trainRows), all.Subset(testRows), trainRows, testRows);
    }
}
