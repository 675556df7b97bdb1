using DeepFm.Notebook.TopN;

namespace DeepFm.Notebook.Tests.TopN;

/// <summary>SAR-style Jaccard similarities and scores, counted by hand.</summary>
public class ItemKnnTests
{
    // u0 rated {0, 1}, u1 {1, 2}, u2 {0, 1, 2}: raters 2, 3, 2; both rated: (0, 1) 2, (0, 2) 1, (1, 2) 2.
    private static InteractionMatrix Interactions() =>
        InteractionMatrix.FromPairs(3, 3, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)]);

    [Fact]
    public void SimilarityIsTheJaccardIndexOfTheTwoMoviesRaters()
    {
        ItemKnn knn = ItemKnn.Fit(Interactions());

        Assert.Equal(2f / (2 + 3 - 2), knn.Similarity(0, 1), 6);
        Assert.Equal(1f / (2 + 2 - 1), knn.Similarity(0, 2), 6);
        Assert.Equal(2f / (3 + 2 - 2), knn.Similarity(2, 1), 6);
        Assert.Equal(1f, knn.Similarity(1, 1), 6);
    }

    [Fact]
    public void AUserScoresAMovieByItsSummedSimilarityToWhatTheUserRated()
    {
        InteractionMatrix x = Interactions();

        // u0 rated 0 and 1: score of 2 = S_02 + S_12 = 1/3 + 2/3.
        Assert.Equal(1f, ItemKnn.Fit(x).Score(x).Of(0, 2), 6);
        // Two neighbours per movie: movie 2 keeps S_22 = 1 and S_12 = 2/3 and drops S_02 = 1/3.
        Assert.Equal(2f / 3, ItemKnn.Fit(x, neighbours: 2).Score(x).Of(0, 2), 6);
    }

    [Fact]
    public void AMovieNobodyRatedIsSimilarToNothing()
    {
        var x = InteractionMatrix.FromPairs(2, 3, [(0, 0), (1, 1)]);
        ItemKnn knn = ItemKnn.Fit(x);
        Assert.Equal(0f, knn.Similarity(2, 2));
        Assert.Equal(0f, knn.Similarity(0, 2));
    }
}
