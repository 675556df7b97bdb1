using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Evaluation;

/// <summary>A trained DeepFM's probabilities for every rating of a split, in stored order (for calibration).</summary>
public static class SplitPredictions
{
    /// <summary>σ(logit) of <paramref name="model"/> for each rating of <paramref name="ratings"/>, under no_grad() and eval().</summary>
    public static float[] Probabilities(DeepFmModel model, EncodedRatings ratings, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ratings);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGradients = no_grad();
            var probabilities = new List<float>(ratings.Count);
            foreach (FeatureBatch batch in ratings.Batches(batchSize))
            {
                using (batch)
                using (NewDisposeScope())
                    probabilities.AddRange(model.Predict(batch).data<float>().ToArray());
            }
            return [.. probabilities];
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
