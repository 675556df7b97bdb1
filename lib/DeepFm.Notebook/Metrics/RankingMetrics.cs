namespace DeepFm.Notebook.Metrics;

/// <summary>
/// Top-k ranking metrics for one user, with the definitions of microsoft/recommenders'
/// <c>recommenders.evaluation.python_evaluation</c> (binary relevance; the same as Spark's <c>RankingMetrics</c>).
/// <c>ranked</c> lists item ids best first (only the first k are read); <c>R</c> is the set of relevant
/// items (never empty: users without a relevant item are not evaluated, as there); <c>rel_r</c> is 1 when the item at
/// rank r is relevant.
/// <list type="bullet">
/// <item>precision@k = (Σ_{r ≤ k} rel_r) / k — divided by k even when fewer than k items were ranked;</item>
/// <item>recall@k = (Σ_{r ≤ k} rel_r) / |R|;</item>
/// <item>NDCG@k = DCG@k / IDCG@k with DCG@k = Σ_{r ≤ k} rel_r / log(1 + r) and IDCG@k the DCG of a perfect list,
/// Σ_{r ≤ min(|R|, k)} 1 / log(1 + r) (the base of the logarithm cancels);</item>
/// <item>AP@k = (Σ_{r ≤ k} rel_r · precision@r) / min(|R|, k) — the MAP@k of recommenders' <c>map_at_k</c> and
/// Spark's <c>meanAveragePrecisionAt</c>. recommenders' <c>map</c> (no cut-off) divides by |R| instead, which
/// cannot reach 1 when |R| &gt; k.</item>
/// </list>
/// The means over users are <see cref="Evaluation.TopKMetrics"/>.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Relevant items among the first <paramref name="k"/>, over <paramref name="k"/>.</summary>
    public static double PrecisionAtK(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        (double)Hits(ranked, relevant, k) / k;

    /// <summary>Relevant items among the first <paramref name="k"/>, over the number of relevant items.</summary>
    public static double RecallAtK(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        (double)Hits(ranked, relevant, k) / relevant.Count;

    /// <summary>Discounted cumulative gain of the first <paramref name="k"/>, over that of a perfect ranking.</summary>
    public static double NdcgAtK(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Require(relevant, k);
        double gain = 0, idealGain = 0;
        for (int rank = 1; rank <= Math.Min(k, ranked.Count); rank++)
        {
            if (relevant.Contains(ranked[rank - 1])) gain += 1 / Math.Log2(1 + rank);
        }
        for (int rank = 1; rank <= Math.Min(k, relevant.Count); rank++)
        {
            idealGain += 1 / Math.Log2(1 + rank);
        }
        return gain / idealGain;
    }

    /// <summary>Average of precision@r over the ranks r ≤ k holding a relevant item, over min(|R|, k).</summary>
    public static double AveragePrecisionAtK(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Require(relevant, k);
        double sum = 0;
        int hits = 0;
        for (int rank = 1; rank <= Math.Min(k, ranked.Count); rank++)
        {
            if (!relevant.Contains(ranked[rank - 1])) continue;
            hits++;
            sum += (double)hits / rank;   // precision at this rank
        }
        return sum / Math.Min(relevant.Count, k);
    }

    private static int Hits(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Require(relevant, k);
        int hits = 0;
        for (int rank = 0; rank < Math.Min(k, ranked.Count); rank++)
        {
            if (relevant.Contains(ranked[rank])) hits++;
        }
        return hits;
    }

    private static void Require(IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (relevant.Count == 0)
            throw new ArgumentException(
                "The user has no relevant item, so recall, NDCG and AP are undefined; leave such users out " +
                "(recommenders does the same).", nameof(relevant));
    }
}
