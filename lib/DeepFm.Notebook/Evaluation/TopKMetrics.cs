using DeepFm.Notebook.Metrics;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// The means over users of the <see cref="RankingMetrics"/> at one cut-off k, for one ranking of a
/// <see cref="RankingTask"/> — every user weighs the same, as in microsoft/recommenders.
/// </summary>
/// <param name="Precision">Mean precision@k.</param>
/// <param name="Recall">Mean recall@k.</param>
/// <param name="Ndcg">Mean NDCG@k.</param>
/// <param name="Map">MAP@k: the mean of AP@k (divided by min(|R|, k), as recommenders' <c>map_at_k</c>).</param>
/// <param name="Users">Users averaged over.</param>
/// <param name="K">The cut-off.</param>
public sealed record TopKMetrics(double Precision, double Recall, double Ndcg, double Map, int Users, int K)
{
    /// <summary>The cut-off the tutorial uses: the ten movies a user would see.</summary>
    public const int DefaultK = 10;

    /// <summary>
    /// Ranks each user's candidates by <paramref name="scores"/> (one array per <see cref="RankingTask.Users"/> entry,
    /// aligned with its candidates; higher is better) and averages the metrics of the top <paramref name="k"/>.
    /// </summary>
    public static TopKMetrics Evaluate(RankingTask task, IReadOnlyList<float[]> scores, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (scores.Count != task.Users.Count)
            throw new ArgumentException($"{scores.Count} score arrays for {task.Users.Count} users.", nameof(scores));
        if (task.Users.Count == 0)
            throw new ArgumentException("The task has no user with a relevant test rating to rank for.", nameof(task));

        double precision = 0, recall = 0, ndcg = 0, averagePrecision = 0;
        for (int i = 0; i < task.Users.Count; i++)
        {
            RankingUser user = task.Users[i];
            int[] top = TopK(user.Candidates, scores[i], k);
            precision += RankingMetrics.PrecisionAtK(top, user.Relevant, k);
            recall += RankingMetrics.RecallAtK(top, user.Relevant, k);
            ndcg += RankingMetrics.NdcgAtK(top, user.Relevant, k);
            averagePrecision += RankingMetrics.AveragePrecisionAtK(top, user.Relevant, k);
        }
        int users = task.Users.Count;
        return new TopKMetrics(precision / users, recall / users, ndcg / users, averagePrecision / users, users, k);
    }

    /// <summary>
    /// The <paramref name="k"/> items of <paramref name="items"/> with the highest <paramref name="scores"/>, best
    /// first; equal scores keep the lower item first, so a ranking never depends on sort stability.
    /// </summary>
    public static int[] TopK(int[] items, float[] scores, int k)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scores);
        if (items.Length != scores.Length)
            throw new ArgumentException($"{items.Length} items but {scores.Length} scores.", nameof(scores));
        int count = Math.Min(k, items.Length);
        var best = new int[count];   // positions into items, best first; an insertion sort of k ≪ n entries
        int filled = 0;
        for (int position = 0; position < items.Length; position++)
        {
            if (filled == count && !Better(position, best[count - 1])) continue;
            int slot = filled < count ? filled++ : count - 1;
            while (slot > 0 && Better(position, best[slot - 1]))
            {
                best[slot] = best[slot - 1];
                slot--;
            }
            best[slot] = position;
        }
        return best.Select(position => items[position]).ToArray();

        bool Better(int a, int b) => scores[a] > scores[b] || (scores[a] == scores[b] && items[a] < items[b]);
    }
}
