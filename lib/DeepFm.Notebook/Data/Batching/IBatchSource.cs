namespace DeepFm.Notebook.Data;

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
