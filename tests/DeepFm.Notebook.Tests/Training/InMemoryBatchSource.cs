using DeepFm.Notebook.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// An <see cref="IBatchSource"/> over tensors held in memory: categorical int64 [N, F], title tokens int64 [N, L],
/// labels float32 [N]. Shuffled batches gather rows with a permutation drawn from <c>System.Random(seed)</c>.
/// </summary>
internal sealed class InMemoryBatchSource : IBatchSource, IDisposable
{
    private readonly Tensor categorical;
    private readonly Tensor titleTokens;
    private readonly Tensor labels;

    public InMemoryBatchSource(FeatureSchema schema, long[] categoricalValues, long[] titleTokenValues, float[] labelValues)
    {
        Schema = schema;
        Count = labelValues.Length;
        categorical = tensor(categoricalValues, Count, schema.CategoricalFieldCount).DetachFromDisposeScope();
        titleTokens = tensor(titleTokenValues, Count, schema.TitleLength).DetachFromDisposeScope();
        labels = tensor(labelValues).DetachFromDisposeScope();
    }

    public int Count { get; }

    public FeatureSchema Schema { get; }

    /// <summary>The labels in stored order, for tests that compute metrics independently.</summary>
    public float[] LabelValues => labels.data<float>().ToArray();

    public IEnumerable<FeatureBatch> Batches(int batchSize, int? shuffleSeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (shuffleSeed is null)
        {
            for (int start = 0; start < Count; start += batchSize)
            {
                int length = Math.Min(batchSize, Count - start);
                yield return new FeatureBatch(categorical.narrow(0, start, length), titleTokens.narrow(0, start, length),
                    labels.narrow(0, start, length));
            }
            yield break;
        }

        var order = Enumerable.Range(0, Count).Select(i => (long)i).ToArray();
        new Random(shuffleSeed.Value).Shuffle(order);
        using var orderTensor = tensor(order);
        for (int start = 0; start < Count; start += batchSize)
        {
            using var rows = orderTensor.narrow(0, start, Math.Min(batchSize, Count - start));
            yield return new FeatureBatch(categorical.index_select(0, rows), titleTokens.index_select(0, rows),
                labels.index_select(0, rows));
        }
    }

    public void Dispose()
    {
        categorical.Dispose();
        titleTokens.Dispose();
        labels.Dispose();
    }
}
