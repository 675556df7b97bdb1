using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// A model's logits for every rating of a split, the one way the library scores a split: evaluation mode, no
/// gradients, batches in stored order, the collector paused (<see cref="TorchRuntime"/>), the model's mode restored
/// afterwards. <see cref="Trainer.Evaluate"/> is this pass plus a clock; calibration and the recommendation runs use
/// it to score a model without building an optimiser.
/// </summary>
public static class EvaluationPass
{
    /// <summary>
    /// Collects <paramref name="model"/>'s logits and the labels of <paramref name="ratings"/> into
    /// <paramref name="predictions"/> (emptied first), in batches of <paramref name="batchSize"/>, and returns their
    /// loss and AUC (<paramref name="splitName"/> names the split in error messages).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ratings"/> is empty.</exception>
    public static SplitMetrics Run(nn.Module<Tensor, Tensor, Tensor> model, IBatchSource ratings, int batchSize,
        PredictionBuffer predictions, CancellationToken cancellation = default, string splitName = "evaluated split")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (ratings.Count == 0)
            throw new ArgumentException($"The {splitName} has no examples; check the data split first.", nameof(ratings));
        predictions.Reset(ratings.Count);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGradients = torch.no_grad();
            using var passScope = torch.NewDisposeScope();
            using var runtime = TorchRuntime.Open();
            foreach (FeatureBatch batch in ratings.Batches(batchSize))
            {
                runtime.BetweenSteps();
                using var batchScope = torch.NewDisposeScope();
                using (batch)
                {
                    cancellation.ThrowIfCancellationRequested();
                    predictions.Append(model.call(batch.Categorical, batch.TitleTokens), batch.Labels);
                }
            }
            return predictions.Score(splitName);
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }

    /// <summary>The logits of <paramref name="model"/> for every rating of <paramref name="ratings"/>, in stored order.</summary>
    public static float[] Logits(nn.Module<Tensor, Tensor, Tensor> model, IBatchSource ratings, int batchSize = 4096,
        CancellationToken cancellation = default)
    {
        var predictions = new PredictionBuffer();
        Run(model, ratings, batchSize, predictions, cancellation);
        return predictions.Logits.ToArray();
    }
}
