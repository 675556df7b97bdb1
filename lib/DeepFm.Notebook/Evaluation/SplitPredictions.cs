using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Evaluation;

/// <summary>A trained DeepFM's probabilities for every rating of a split, in stored order (for calibration).</summary>
public static class SplitPredictions
{
    /// <summary>
    /// σ(logit) of <paramref name="model"/> for each rating of <paramref name="ratings"/>, in stored order: the logits
    /// of one static <c>Trainer.Evaluate</c> pass (no_grad(), eval(), the collector paused) through the sigmoid.
    /// </summary>
    public static float[] Probabilities(DeepFmModel model, EncodedRatings ratings, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ratings);
        var predictions = new PredictionBuffer();
        Trainer.Evaluate(model, ratings, batchSize, predictions);
        using var logits = tensor(predictions.Logits.ToArray());
        using var probabilities = sigmoid(logits);
        return probabilities.data<float>().ToArray();
    }
}
