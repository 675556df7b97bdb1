namespace DeepFm.Notebook.Training;

/// <summary>
/// Stops training that has diverged, with a message a reader can act on (the role of Keras' <c>TerminateOnNaN</c>
/// callback, which the original tutorial's Keras would need to say anything at all): after every epoch the training
/// loss must be a finite number, and not far worse than guessing.
/// </summary>
/// <remarks>
/// A model that always answers 50 % has a log-loss of ln 2 ≈ 0.693; one that is merely badly initialised or
/// undertrained stays near it. A loss ten times that (≈ 6.9) means the predictions are confidently wrong on many rows —
/// the weights have run away, almost always because the learning rate is too large (1e6 reaches 1e13 in one epoch).
/// </remarks>
public static class DivergenceCheck
{
    /// <summary>The loss of a model that always predicts 50 %: ln 2.</summary>
    public static readonly double CoinFlipLoss = Math.Log(2);

    /// <summary>Losses above this many times <see cref="CoinFlipLoss"/> count as diverged.</summary>
    public const double ExplosionFactor = 10;

    /// <summary>Throws <see cref="TrainingDivergedException"/> when a logit of the epoch is NaN or infinite.</summary>
    public static void RequireFinite(ReadOnlySpan<float> logits, int epoch, double learningRate)
    {
        foreach (var logit in logits)
            if (!float.IsFinite(logit))
                Require(logit, epoch, learningRate);
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> when <paramref name="trainingLoss"/> is not finite or exploded.</summary>
    public static void Require(double trainingLoss, int epoch, double learningRate)
    {
        if (double.IsFinite(trainingLoss) && trainingLoss <= ExplosionFactor * CoinFlipLoss)
            return;
        var what = double.IsFinite(trainingLoss)
            ? $"the training loss is {trainingLoss:G3}, more than {ExplosionFactor:0} times the {CoinFlipLoss:F3} of always answering 50 %"
            : $"the training loss is {trainingLoss} (a logit is infinite or NaN: the weights have run away)";
        throw new TrainingDivergedException(epoch, learningRate,
            $"Training diverged at epoch {epoch}: {what}. The learning rate {learningRate:G} (TrainerOptions.LearningRate) " +
            "is probably too large: try the original's 0.1 or a tenth of it, and start from a new model.");
    }
}

/// <summary>Training stopped because the loss stopped being a usable number; the message names the epoch and learning rate.</summary>
public sealed class TrainingDivergedException(int epoch, double learningRate, string message) : Exception(message)
{
    /// <summary>The epoch whose training loss was not usable.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The learning rate in use.</summary>
    public double LearningRate { get; } = learningRate;
}
