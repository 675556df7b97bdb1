using DeepFm.Notebook.Data;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Tests.Evaluation;
using DeepFm.Notebook.TopN;

namespace DeepFm.Notebook.Tests.TopN;

/// <summary>Positives are the ratings, negatives are unrated movies dressed in the positive's user fields.</summary>
public class ImplicitFeedbackTests
{
    [Fact]
    public void EveryRatingIsAPositiveFollowedByNegativesTheUserNeverRated()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        EncodedRatings ratings = features.Ratings;   // all 10 fixture ratings, 1–5 stars
        InteractionMatrix rated = InteractionMatrix.From(ratings);
        var source = new ImplicitFeedback(features, ratings, new NegativeSampler(rated), negativesPerPositive: 3);
        FeatureSchema schema = features.Schema;
        int userField = schema.UserIdField, movieField = schema.MovieIdField;

        EncodedRatings drawn = source.Draw(seed: 5);

        Assert.Equal(10 * 4, drawn.Count);
        Assert.Equal(drawn.Count, source.Count);
        for (int rating = 0; rating < ratings.Count; rating++)
        {
            ReadOnlySpan<long> positive = drawn.CategoricalRow(rating * 4);
            Assert.Equal(ratings.CategoricalRow(rating).ToArray(), positive.ToArray());   // a 2-star rating too
            Assert.Equal(1f, drawn.Labels[rating * 4]);
            for (int j = 1; j < 4; j++)
            {
                int row = rating * 4 + j;
                long[] negative = drawn.CategoricalRow(row).ToArray();
                int movie = (int)negative[movieField];
                Assert.Equal(0f, drawn.Labels[row]);
                Assert.False(rated.Contains((int)negative[userField], movie), $"row {row} drew movie {movie}, which the user rated");
                foreach (int field in schema.UserFields) Assert.Equal(positive[field], negative[field]);
                Assert.Equal(TitleOf(features, movie), drawn.TitleTokensOf(row).ToArray());
            }
        }
    }

    [Fact]
    public void EachEpochDrawsAfreshUnlessTheSeedIsFixed()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        var sampler = new NegativeSampler(InteractionMatrix.From(features.Ratings));
        var training = new ImplicitFeedback(features, features.Ratings, sampler, 4);
        var validation = new ImplicitFeedback(features, features.Ratings, sampler, 4, fixedSeed: 1);

        Assert.NotEqual(Movies(training.Batches(64, shuffleSeed: 1)), Movies(training.Batches(64, shuffleSeed: 2)));
        Assert.Equal(Movies(validation.Batches(64)), Movies(validation.Batches(64)));
    }

    [Fact]
    public void FieldsOfTheRatingOrTheMovieAreRefused()
    {
        var fixture = new MovieLensFixture();
        using var cleanup = fixture;
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())),
            extraFields: new ExtraFields { ReleaseYear = true });
        var sampler = new NegativeSampler(InteractionMatrix.From(features.Ratings));
        var error = Assert.Throws<ArgumentException>(() => new ImplicitFeedback(features, features.Ratings, sampler, 1));
        Assert.Contains("movie_release_year", error.Message);
    }

    private static long[] TitleOf(MovieLensFeatures features, int movie)
    {
        for (int row = 0; ; row++)
            if (features.Ratings.CategoricalRow(row)[features.Schema.MovieIdField] == movie) return features.Ratings.TitleTokensOf(row).ToArray();
    }

    private static long[] Movies(IEnumerable<FeatureBatch> batches) =>
        batches.SelectMany(batch =>
        {
            using (batch) return batch.Categorical.data<long>().ToArray();
        }).ToArray();
}
