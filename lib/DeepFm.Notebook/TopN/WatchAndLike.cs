using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// Two models, two questions, one ranking: the implicit model's P(watch | user, movie) and the rating model's
/// P(4–5 stars | user, movie, watched) multiply into the probability that the user watches the movie and likes it,
/// <code>P(watch and like) = P(watch) · P(like | watch) = σ(a) · σ(b)</code>
/// with a and b the two logits; the scores here are its logarithm, log σ(a) + log σ(b) (the same order, no
/// underflow). A relevant movie in the ranking task is exactly that: one the user rated (watched) with 4–5 stars.
/// </summary>
public static class WatchAndLike
{
    /// <summary>log σ(watch) + log σ(like) per candidate; both arguments aligned with the same task's candidates.</summary>
    public static float[][] Combine(IReadOnlyList<float[]> watchLogits, IReadOnlyList<float[]> likeLogits)
    {
        ArgumentNullException.ThrowIfNull(watchLogits);
        ArgumentNullException.ThrowIfNull(likeLogits);
        if (watchLogits.Count != likeLogits.Count)
            throw new ArgumentException($"{watchLogits.Count} users of watch scores but {likeLogits.Count} of like scores.", nameof(likeLogits));
        var combined = new float[watchLogits.Count][];
        for (int user = 0; user < combined.Length; user++)
        {
            float[] watch = watchLogits[user], like = likeLogits[user];
            if (watch.Length != like.Length)
                throw new ArgumentException($"User {user}: {watch.Length} watch scores but {like.Length} like scores.", nameof(likeLogits));
            combined[user] = new float[watch.Length];
            for (int i = 0; i < watch.Length; i++) combined[user][i] = (float)(LogSigmoid(watch[i]) + LogSigmoid(like[i]));
        }
        return combined;
    }

    /// <summary>
    /// The product of <paramref name="watch"/> and <paramref name="like"/> as a comparison run: its top-k metrics on
    /// <paramref name="task"/> and its AUC over <paramref name="testRatings"/>, both scored once. Both models are
    /// scored by one <c>Trainer.Evaluate</c> pass each (no optimiser), in batches of <paramref name="evaluation"/>'s test batch size.
    /// </summary>
    public static ValidatedRun Run(string name, int seed, DeepFmModel watch, DeepFmModel like, RankingTask task,
        EncodedRatings testRatings, TrainerOptions evaluation, int k = TopKMetrics.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(like);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(testRatings);
        var clock = Stopwatch.StartNew();
        TopKMetrics ranking = TopKMetrics.Evaluate(task, Combine(CandidateScores.Model(watch, task), CandidateScores.Model(like, task)), k);
        double rankingSeconds = clock.Elapsed.TotalSeconds;
        float[] watchLogits = LogitsOf(watch, testRatings, evaluation.TestBatchSize);
        float[] likeLogits = LogitsOf(like, testRatings, evaluation.TestBatchSize);
        float[] product = Combine([watchLogits], [likeLogits])[0];
        return new ValidatedRun(name, seed, null, null, null, RocAuc.Compute(product, testRatings.Labels), null,
            watch.ParameterCount + like.ParameterCount, null, null) { Ranking = ranking, RankingSeconds = rankingSeconds };
    }


    private static float[] LogitsOf(DeepFmModel model, EncodedRatings ratings, int batchSize)
    {
        var predictions = new PredictionBuffer();
        Trainer.Evaluate(model, ratings, batchSize, predictions);
        return predictions.Logits.ToArray();
    }

    /// <summary>log σ(x) = −log(1 + e^(−x)), computed without overflow for large |x|.</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));
}
