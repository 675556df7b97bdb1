using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Evaluation;

namespace DeepFm.Notebook.Tests.Metrics;

/// <summary>Each metric on small lists whose values are worked out by hand in the comments.</summary>
public class RankingMetricsTests
{
    [Fact]
    public void TwoHitsAtRanksOneAndThree()
    {
        int[] ranked = [1, 2, 3, 4, 5];
        HashSet<int> relevant = [1, 3, 6];   // 6 was never ranked
        const int k = 5;

        // hits at ranks 1 and 3: precision 2/5, recall 2/3
        Assert.Equal(0.4, RankingMetrics.PrecisionAtK(ranked, relevant, k), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(ranked, relevant, k), 12);
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG over min(3, 5) = 3 ranks = 1 + 1/log2(3) + 1/2 = 2.1309297536
        // NDCG = 1.5 / 2.1309297536 = 0.7039180890
        Assert.Equal(0.7039180890341347, RankingMetrics.NdcgAtK(ranked, relevant, k), 12);
        // precision at the hits: 1/1 at rank 1, 2/3 at rank 3; AP = (1 + 2/3) / min(3, 5) = 5/9
        Assert.Equal(5.0 / 9, RankingMetrics.AveragePrecisionAtK(ranked, relevant, k), 12);
    }

    [Fact]
    public void MoreRelevantItemsThanTheCutOff()
    {
        int[] ranked = [7, 8, 9];             // only the first k = 2 count: 7 (hit) and 8 (miss)
        HashSet<int> relevant = [7, 9, 10, 11, 12];
        const int k = 2;

        Assert.Equal(0.5, RankingMetrics.PrecisionAtK(ranked, relevant, k), 12);   // 1 / 2
        Assert.Equal(0.2, RankingMetrics.RecallAtK(ranked, relevant, k), 12);      // 1 / 5
        // DCG = 1; IDCG over min(5, 2) = 2 ranks = 1 + 1/log2(3) = 1.6309297536; NDCG = 0.6131471928
        Assert.Equal(0.6131471927654584, RankingMetrics.NdcgAtK(ranked, relevant, k), 12);
        // AP = (1/1) / min(5, 2) = 0.5 (recommenders' map_at_k); dividing by |R| = 5 would give 0.2
        Assert.Equal(0.5, RankingMetrics.AveragePrecisionAtK(ranked, relevant, k), 12);
    }

    [Fact]
    public void FewerRankedItemsThanTheCutOff()
    {
        int[] ranked = [4];
        HashSet<int> relevant = [4];
        const int k = 10;

        Assert.Equal(0.1, RankingMetrics.PrecisionAtK(ranked, relevant, k), 12);   // 1 / k, as in recommenders and Spark
        Assert.Equal(1.0, RankingMetrics.RecallAtK(ranked, relevant, k), 12);
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(ranked, relevant, k), 12);        // DCG = IDCG = 1
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionAtK(ranked, relevant, k), 12);
    }

    [Fact]
    public void APerfectListScoresOneAndAListWithoutHitsZero()
    {
        HashSet<int> relevant = [3, 1];
        int[] perfect = [1, 3, 5], useless = [5, 6, 7];

        Assert.Equal(1.0, RankingMetrics.NdcgAtK(perfect, relevant, 3), 12);
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionAtK(perfect, relevant, 3), 12);
        Assert.Equal(1.0, RankingMetrics.RecallAtK(perfect, relevant, 3), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.PrecisionAtK(perfect, relevant, 3), 12);
        Assert.All(new Func<IReadOnlyList<int>, IReadOnlySet<int>, int, double>[]
            { RankingMetrics.PrecisionAtK, RankingMetrics.RecallAtK, RankingMetrics.NdcgAtK, RankingMetrics.AveragePrecisionAtK },
            metric => Assert.Equal(0.0, metric(useless, relevant, 3)));
    }

    [Fact]
    public void TheOrderInsideTheTopKMattersForNdcgAndApButNotForPrecisionAndRecall()
    {
        HashSet<int> relevant = [1];
        int[] early = [1, 2], late = [2, 1];

        Assert.Equal(RankingMetrics.PrecisionAtK(early, relevant, 2), RankingMetrics.PrecisionAtK(late, relevant, 2));
        Assert.Equal(RankingMetrics.RecallAtK(early, relevant, 2), RankingMetrics.RecallAtK(late, relevant, 2));
        // the hit at rank 2: NDCG = (1/log2(3)) / 1 = 0.6309297536, AP = (1/2) / 1 = 0.5
        Assert.Equal(0.6309297535714574, RankingMetrics.NdcgAtK(late, relevant, 2), 12);
        Assert.Equal(0.5, RankingMetrics.AveragePrecisionAtK(late, relevant, 2), 12);
    }

    [Fact]
    public void AUserWithoutRelevantItemsOrANonPositiveCutOffIsRejected()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.NdcgAtK([1], new HashSet<int>(), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.PrecisionAtK([1], new HashSet<int> { 1 }, 0));
    }
}
