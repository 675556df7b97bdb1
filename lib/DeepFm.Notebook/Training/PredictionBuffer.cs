using System.Runtime.InteropServices;
using DeepFm.Notebook.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Collects the logits and labels of every row of one pass over a split (a training epoch or an evaluation) in
/// host arrays that are allocated once and reused, so that loss and AUC are computed exactly over the whole pass.
/// Each batch costs one memory copy of its logits [B] and one of its labels [B]; nothing is read back per row.
/// </summary>
public sealed class PredictionBuffer
{
    private float[] logits = [];
    private float[] labels = [];
    private float[] scratchScores = [];
    private float[] scratchLabels = [];
    private int expectedCount;

    /// <summary>Rows collected since the last <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The collected logits, in the order the batches came.</summary>
    public ReadOnlySpan<float> Logits => logits.AsSpan(0, Count);

    /// <summary>The collected labels, aligned with <see cref="Logits"/>.</summary>
    public ReadOnlySpan<float> Labels => labels.AsSpan(0, Count);

    /// <summary>Empties the buffer for a pass over <paramref name="rowCount"/> rows, growing it if needed.</summary>
    public void Reset(int rowCount)
    {
        if (logits.Length < rowCount)
        {
            logits = new float[rowCount];
            labels = new float[rowCount];
            scratchScores = new float[rowCount];
            scratchLabels = new float[rowCount];
        }
        expectedCount = rowCount;
        Count = 0;
    }

    /// <summary>Appends a batch: <paramref name="batchLogits"/> float32 [B] and <paramref name="batchLabels"/> float32 [B].</summary>
    public void Append(Tensor batchLogits, Tensor batchLabels)
    {
        long batchSize = batchLabels.shape[0];
        if (batchLogits.ndim != 1 || batchLogits.shape[0] != batchSize || batchLogits.dtype != ScalarType.Float32)
            throw new InvalidOperationException(
                $"The model returned logits of shape [{string.Join(", ", batchLogits.shape)}] and type {batchLogits.dtype} " +
                $"for a batch of {batchSize}; the trainer needs float32 [B] (one logit per example, no sigmoid, " +
                "no trailing dimension of 1: squeeze it in forward).");
        if (Count + batchSize > expectedCount)
            throw new InvalidOperationException(
                $"The batch source yielded more than the {expectedCount} rows its Count announced; " +
                "IBatchSource.Batches must yield each example exactly once.");

        CopyToHost(batchLogits, logits, Count);
        CopyToHost(batchLabels, labels, Count);
        Count += (int)batchSize;
    }

    /// <summary>Mean log-loss and exact AUC over every collected row; <paramref name="splitName"/> labels errors.</summary>
    public SplitMetrics Score(string splitName)
    {
        if (Count != expectedCount)
            throw new InvalidOperationException(
                $"The {splitName} yielded {Count} rows but its Count is {expectedCount}; " +
                "IBatchSource.Batches must yield each example exactly once.");
        try
        {
            return new SplitMetrics(LogLoss.FromLogits(Logits, Labels),
                RocAuc.Compute(Logits, Labels, scratchScores, scratchLabels), Count);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Scoring the {splitName} failed: {error.Message}", error);
        }
    }

    // One bulk copy straight from the tensor's memory: Tensor.bytes is a view, not a copy, and the detached
    // alias shares storage, so nothing is computed and no host array is allocated.
    private static void CopyToHost(Tensor values, float[] destination, int offset)
    {
        if (values.device_type != DeviceType.CPU || values.dtype != ScalarType.Float32)
            throw new InvalidOperationException(
                $"The trainer collects float32 CPU tensors but got {values.dtype} on {values.device_type}; " +
                "move the model's output and the labels to the CPU as float32.");
        using var detached = values.detach();
        using var contiguous = detached.is_contiguous() ? detached.alias() : detached.contiguous();
        MemoryMarshal.Cast<byte, float>(contiguous.bytes).CopyTo(destination.AsSpan(offset));
    }
}
