using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// The buffer's guards against a model or batch source that breaks the trainer's contract (one float32 CPU logit
/// per example, each example exactly once). No caller in the library breaks it, so only these tests reach them.
/// </summary>
public class PredictionBufferMisuseTests
{
    [Fact]
    public void A_batch_beyond_the_announced_row_count_is_refused()
    {
        var buffer = new PredictionBuffer();
        buffer.Reset(3);
        using var twoLogits = tensor(new float[] { 0f, 1f });
        using var twoLabels = tensor(new float[] { 0f, 1f });
        buffer.Append(twoLogits, twoLabels);

        // 2 + 2 > 3 (and 2 − 2 would not be): the second batch overflows the announced count.
        var error = Assert.Throws<InvalidOperationException>(() => buffer.Append(twoLogits, twoLabels));
        Assert.Contains("more than the 3 rows", error.Message);
        Assert.Equal(2, buffer.Count);
    }

    [Fact]
    public void Fewer_rows_than_announced_cannot_be_scored()
    {
        var buffer = new PredictionBuffer();
        buffer.Reset(3);
        using var twoLogits = tensor(new float[] { 0f, 1f });
        using var twoLabels = tensor(new float[] { 0f, 1f });
        buffer.Append(twoLogits, twoLabels);

        var error = Assert.Throws<InvalidOperationException>(() => buffer.Score("validation split"));
        Assert.Contains("validation split yielded 2 rows but its Count is 3", error.Message);
    }

    [Fact]
    public void Labels_that_are_not_float32_are_refused_even_when_the_logits_are()
    {
        var buffer = new PredictionBuffer();
        buffer.Reset(2);
        using var logits = tensor(new float[] { 0f, 1f });
        using var doubleLabels = tensor(new double[] { 0, 1 });

        var error = Assert.Throws<InvalidOperationException>(() => buffer.Append(logits, doubleLabels));
        Assert.Contains("float32 CPU tensors", error.Message);
    }

    [Fact]
    public void A_scoring_failure_names_the_split_and_keeps_the_cause()
    {
        var buffer = new PredictionBuffer();
        buffer.Reset(2);
        using var logits = tensor(new float[] { 0.5f, 1f });
        using var onlyPositives = tensor(new float[] { 1f, 1f });   // AUC is undefined with one class
        buffer.Append(logits, onlyPositives);

        var error = Assert.Throws<InvalidOperationException>(() => buffer.Score("test split"));
        Assert.StartsWith("Scoring the test split failed: ", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void A_strided_view_is_collected_by_its_values_not_its_storage()
    {
        var buffer = new PredictionBuffer();
        buffer.Reset(4);
        using var storage = arange(8, dtype: ScalarType.Float32);          // 0 1 2 3 4 5 6 7
        using var everySecond = storage[TensorIndex.Slice(0, 8, 2)];     // 0 2 4 6, a view with stride 2
        using var labels = tensor(new float[] { 0f, 1f, 0f, 1f });
        Assert.False(everySecond.is_contiguous());

        buffer.Append(everySecond, labels);

        Assert.Equal([0f, 2f, 4f, 6f], buffer.Logits.ToArray());
        Assert.Equal([0f, 1f, 0f, 1f], buffer.Labels.ToArray());
    }
}
