using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Scores for every (user, candidate) pair of a <see cref="RankingTask"/>, one float array per user aligned with its
/// candidates — from a trained model, or from the two baselines any recommender must beat: popularity (the same
/// list for everyone) and a random order.
/// </summary>
public static class CandidateScores
{
    /// <summary>Rows per forward pass: large enough to amortise the per-call overhead, small enough for memory.</summary>
    public const int DefaultBatchRows = 16_384;

    /// <summary>
    /// The model's logit for each candidate (a logit ranks as its probability does): the user's categorical row with
    /// the candidate's movie index, and the candidate's title tokens. Several users' candidates share a batch of about
    /// <paramref name="batchRows"/> rows; every batch runs under <c>no_grad()</c> and <c>eval()</c> in its own dispose
    /// scope, so scoring 943 users × ~1,600 movies keeps the memory of one batch.
    /// </summary>
    public static float[][] Model(nn.Module<Tensor, Tensor, Tensor> model, RankingTask task, int batchRows = DefaultBatchRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchRows);
        int fields = task.Schema.CategoricalFieldCount, length = task.Schema.TitleLength;
        var scores = new float[task.Users.Count][];
        using var inference = ModelInference.Begin(model);
        int first = 0;
        while (first < task.Users.Count)
        {
            // Users first..last-1 fill this batch (at least one user, however many candidates it has).
            int last = first, rows = 0;
            while (last < task.Users.Count && (last == first || rows + task.Users[last].Candidates.Length <= batchRows))
                rows += task.Users[last++].Candidates.Length;

            var categorical = new long[rows * fields];
            var titleTokens = new long[rows * length];
            int row = 0;
            for (int i = first; i < last; i++)
            {
                RankingUser user = task.Users[i];
                ReadOnlySpan<long> userRow = task.CategoricalRowOf(user.User);
                foreach (int movie in user.Candidates)
                {
                    Span<long> candidateRow = categorical.AsSpan(row * fields, fields);
                    userRow.CopyTo(candidateRow);
                    candidateRow[task.MovieField] = movie;
                    task.TitleTokensOf(movie).CopyTo(titleTokens.AsSpan(row * length, length));
                    row++;
                }
            }

            float[] logits;
            // After this batch's inputs are allocated, right before libtorch reads them: a pause renewed earlier could
            // be used up by those few megabytes and ended by the runtime in the middle of the model call.
            inference.BetweenBatches();
            using (var batchScope = torch.NewDisposeScope())
            {
                logits = model.call(torch.tensor(categorical, rows, fields), torch.tensor(titleTokens, rows, length))
                    .data<float>().ToArray();
            }
            int offset = 0;
            for (int i = first; i < last; i++)
            {
                scores[i] = logits.AsSpan(offset, task.Users[i].Candidates.Length).ToArray();
                offset += scores[i].Length;
            }
            first = last;
        }
        return scores;
    }

    /// <summary>
    /// Popularity: each candidate's number of 4–5 star ratings in training — the same top list for every user, minus
    /// what the user has already rated. The baseline a personalised model has to beat.
    /// </summary>
    public static float[][] Popularity(RankingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Users.Select(user => user.Candidates.Select(movie => (float)task.TrainingLikes[movie]).ToArray()).ToArray();
    }

    /// <summary>A random order of each user's candidates (uniform scores from a generator seeded with <paramref name="seed"/>).</summary>
    public static float[][] Random(RankingTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        var random = new System.Random(seed);
        return task.Users.Select(user => user.Candidates.Select(_ => random.NextSingle()).ToArray()).ToArray();
    }
}
