using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;
using TorchSharp;
using static DeepFm.Notebook.Tests.Recommendations.RecommenderTestData;

namespace DeepFm.Notebook.Tests.Recommendations;

public class MovieSimilarityTests
{
    private static torch.Tensor MovieTable(DeepFmModel model) => model.FieldEmbeddings!.TableOf(model.Schema.MovieIdField);

    [Fact]
    public void AMovieWithAnIdenticalEmbeddingHasSimilarityOneAndRanksFirst()
    {
        using var setup = new RecommenderTestData();
        int source = setup.Features.MovieIds.IndexOf("2"), twin = setup.Features.MovieIds.IndexOf("20");
        var table = MovieTable(setup.Model);
        using (torch.no_grad())
            table[twin].copy_(table[source]);

        DataFrame similar = setup.Recommender.SimilarMovies("2", k: 10);

        Assert.Equal(["rank", "movie_id", "movie_title", "similarity", "ratings"], similar.Columns.Select(column => column.Name));
        Assert.Equal(4, similar.Rows.Count);                       // five movies, the query left out
        Assert.DoesNotContain("2", Strings(similar, "movie_id"));
        Assert.Equal("20", Strings(similar, "movie_id")[0]);
        Assert.Equal(1f, Values<float>(similar, "similarity")[0], 1e-6f);
        float[] similarities = Values<float>(similar, "similarity");
        Assert.Equal(similarities.OrderDescending(), similarities);
    }

    [Fact]
    public void SimilarityIsTheCosineOfTheEmbeddingRows()
    {
        using var setup = new RecommenderTestData();
        DataFrame similar = setup.Recommender.SimilarMovies("1", k: 2);
        string second = Strings(similar, "movie_id")[1];

        var table = MovieTable(setup.Model);
        float[] query = table[setup.Features.MovieIds.IndexOf("1")].data<float>().ToArray();
        float[] other = table[setup.Features.MovieIds.IndexOf(second)].data<float>().ToArray();
        double dot = query.Zip(other).Sum(pair => (double)pair.First * pair.Second);
        double cosine = dot / Math.Sqrt(query.Sum(x => (double)x * x)) / Math.Sqrt(other.Sum(x => (double)x * x));

        Assert.Equal(2, similar.Rows.Count);
        Assert.Equal(cosine, Values<float>(similar, "similarity")[1], 4);   // shown to 4 decimals
    }

    [Fact]
    public void MinimumRatingsLeavesOutRarelyRatedMovies()
    {
        using var setup = new RecommenderTestData();
        // Ratings per movie in the fixture: 1 → 3, 2 → 2, 3 → 1, 4 → 3, 20 → 1.
        DataFrame similar = setup.Recommender.SimilarMovies("2", k: 10, minimumRatings: 2);
        Assert.Equal(["1", "4"], Strings(similar, "movie_id").Order());
        Assert.All(Values<int>(similar, "ratings"), count => Assert.Equal(3, count));
        Assert.Equal(4, setup.Recommender.SimilarMovies("2", k: 10, minimumRatings: 0).Rows.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => setup.Recommender.SimilarMovies("2", minimumRatings: -1));
    }

    [Fact]
    public void LogisticRegressionHasNoEmbeddingsToCompare()
    {
        using var setup = new RecommenderTestData(DeepFmOptions.LogisticRegression);
        var error = Assert.Throws<InvalidOperationException>(() => setup.Recommender.SimilarMovies("1"));
        Assert.Contains("'LR' has no movie embeddings", error.Message);
        Assert.Equal(3, setup.Recommender.Recommend("1").Rows.Count);  // recommending needs no embeddings
    }

    [Fact]
    public void FindMovieIdIgnoresCaseAndExplainsMissesAndAmbiguity()
    {
        using var setup = new RecommenderTestData();
        Assert.Equal("4", setup.Recommender.FindMovieId("star wars"));
        Assert.Equal("4", setup.Recommender.FindMovieId("Star Wars (1977)"));
        Assert.Equal("Star Wars (1977)", setup.Recommender.TitleOf("4"));

        var none = Assert.Throws<ArgumentException>(() => setup.Recommender.FindMovieId("Godfather"));
        Assert.Contains("No movie title contains \"Godfather\"", none.Message);

        var ambiguous = Assert.Throws<ArgumentException>(() => setup.Recommender.FindMovieId("(199"));
        Assert.Contains("matches 4 movie titles", ambiguous.Message);
        Assert.Contains("1: Toy Story (1995)", ambiguous.Message);
        Assert.Contains("20: Á köldum klaka (Cold Fever) (1994)", ambiguous.Message);
    }

    [Fact]
    public void AnExactTitleWinsOverLongerTitlesContainingIt()
    {
        using var setup = new RecommenderTestData(edit: fixture =>
        {
            fixture.MovieLines.Add(Data.MovieLensFixture.Movie(5, "Heat (1995)"));
            fixture.MovieLines.Add(Data.MovieLensFixture.Movie(6, "White Heat (1949)"));
            fixture.RatingLines.Add("1\t5\t4\t874965759");
            fixture.RatingLines.Add("2\t6\t3\t874965760");
        });
        Assert.Equal("5", setup.Recommender.FindMovieId("heat (1995)"));
        Assert.Throws<ArgumentException>(() => setup.Recommender.FindMovieId("Heat"));
    }
}
