using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Recommendations;
using Microsoft.Data.Analysis;
using TorchSharp;
using static DeepFm.Notebook.Tests.Recommendations.RecommenderTestData;

namespace DeepFm.Notebook.Tests.Recommendations;

public class MovieRecommenderTests
{
    [Theory]
    [InlineData("1", new[] { "3", "4", "20" })]   // user 1 rated movies 1 and 2
    [InlineData("2", new[] { "2", "20" })]        // user 2 rated movies 1, 3 and 4
    public void RecommendScoresExactlyTheMoviesTheUserHasNotRated(string userId, string[] unrated)
    {
        using var setup = new RecommenderTestData();
        DataFrame recommendations = setup.Recommender.Recommend(userId, k: 10);

        Assert.Equal(["rank", "movie_id", "movie_title", "score"], recommendations.Columns.Select(column => column.Name));
        Assert.Equal(unrated.Order(), Strings(recommendations, "movie_id").Order());
        Assert.Equal(Enumerable.Range(1, unrated.Length), Values<int>(recommendations, "rank"));
        float[] scores = Values<float>(recommendations, "score");
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, score => Assert.InRange(score, 0f, 1f));
    }

    [Fact]
    public void ScoreIsTheModelsProbabilityForTheHandEncodedRow()
    {
        using var setup = new RecommenderTestData();
        DataFrame recommendations = setup.Recommender.Recommend("1");
        int starWarsRow = Array.IndexOf(Strings(recommendations, "movie_id"), "4");
        Assert.Equal("Star Wars (1977)", Strings(recommendations, "movie_title")[starWarsRow]);

        // User 1 of u.user: 24 years old (bucket 18), male, technician; movie 4 is Star Wars.
        MovieLensFeatures features = setup.Features;
        long[] categorical =
        [
            features.UserIds.IndexOf("1"), features.Genders.IndexOf(true), features.AgeBuckets.IndexOf(18f),
            features.Occupations.IndexOf(OccupationLabels.IndexOfName("technician/engineer")), features.MovieIds.IndexOf("4"),
        ];
        long[] titleTokens = features.Titles.EncodePadded(["Star Wars (1977)"], out _, features.Schema.TitleLength);
        setup.Model.eval();
        using var probability = setup.Model.Predict(torch.tensor(categorical, 1, 5), torch.tensor(titleTokens, 1, titleTokens.Length));

        Assert.Equal(MathF.Round(probability.item<float>(), 4), Values<float>(recommendations, "score")[starWarsRow]);   // shown to 4 decimals
    }

    [Fact]
    public void RecommendReturnsTheTopKAndAllCandidatesWhenKIsLarger()
    {
        using var setup = new RecommenderTestData();
        DataFrame all = setup.Recommender.Recommend("1", k: 100);
        DataFrame topTwo = setup.Recommender.Recommend("1", k: 2);

        Assert.Equal(3, all.Rows.Count);
        Assert.Equal(Strings(all, "movie_id")[..2], Strings(topTwo, "movie_id"));
        Assert.Throws<ArgumentOutOfRangeException>(() => setup.Recommender.Recommend("1", k: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => setup.Recommender.Recommend("1", k: -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => setup.Recommender.RatedHighest("1", k: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => setup.Recommender.SimilarMovies("1", k: 0));
    }

    [Fact]
    public void RecommendLeavesATrainingModelInTrainingMode()
    {
        using var setup = new RecommenderTestData();
        setup.Model.train();
        setup.Recommender.Recommend("3");
        Assert.True(setup.Model.training);
    }

    [Fact]
    public void UnknownIdsNameTheIdAndTheValidIds()
    {
        using var setup = new RecommenderTestData();
        var user = Assert.Throws<ArgumentException>(() => setup.Recommender.Recommend("999"));
        Assert.Contains("'999'", user.Message);
        Assert.Contains("from \"1\" to \"10\"", user.Message);
        Assert.Throws<ArgumentException>(() => setup.Recommender.RatedHighest("0"));

        var movie = Assert.Throws<ArgumentException>(() => setup.Recommender.SimilarMovies("77"));
        Assert.Contains("'77'", movie.Message);
        Assert.Contains("FindMovieId", movie.Message);
    }

    [Fact]
    public void RatedHighestSortsByRatingThenTitle()
    {
        using var setup = new RecommenderTestData();
        DataFrame rated = setup.Recommender.RatedHighest("2");

        Assert.Equal(["rank", "movie_id", "movie_title", "user_rating"], rated.Columns.Select(column => column.Name));
        // User 2 gave Toy Story and Star Wars 4 stars (tie: Star Wars first by title) and Metisse 1 star.
        Assert.Equal(["4", "1", "3"], Strings(rated, "movie_id"));
        Assert.Equal([4f, 4f, 1f], Values<float>(rated, "user_rating"));
        Assert.Equal(["4"], Strings(setup.Recommender.RatedHighest("2", k: 1), "movie_id"));
    }

    [Fact]
    public void MismatchedModelAndFeaturesAreRejected()
    {
        using var setup = new RecommenderTestData();
        var otherSchema = setup.Features.Schema with
        {
            CategoricalFields = [.. setup.Features.Schema.CategoricalFields.SkipLast(1), new CategoricalField("movie_id", 99)],
        };
        using var otherModel = new DeepFmModel(otherSchema, SmallDeepFm, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => new MovieRecommender(otherModel, setup.Features, setup.Data));
        Assert.Contains("features.Schema", error.Message);
    }
}
