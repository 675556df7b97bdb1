using DeepFm.Notebook.Baselines;
using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Baselines;

public class FieldAwareFmTests
{
    // Two categorical fields (10 users, 10 movies) and a 5-token title vocabulary, titles of length 2.
    private static readonly FeatureSchema Schema = new(
        [new CategoricalField(MovieLensColumns.UserId, 10), new CategoricalField(MovieLensColumns.MovieId, 10)],
        TitleVocabularySize: 5, TitleLength: 2);

    // Every user rates every movie twice; movies 0–4 are liked, 5–9 not, except one flipped rating per user,
    // so a model that learns the movie's first-order weight ranks most but not all pairs right.
    private static EncodedRatings Fixture()
    {
        var categorical = new List<long>();
        var titleRows = new List<int>();
        var labels = new List<float>();
        for (int repeat = 0; repeat < 2; repeat++)
            for (int user = 0; user < 10; user++)
                for (int movie = 0; movie < 10; movie++)
                {
                    categorical.AddRange([user, movie]);
                    titleRows.Add(movie);
                    bool liked = movie < 5;
                    if (repeat == 0 && movie == user) liked = !liked;
                    labels.Add(liked ? 1f : 0f);
                }
        // Movie m's title: tokens (2 + m % 3) and padding, so the title field is a bag of one word.
        long[] titles = Enumerable.Range(0, 10).SelectMany(movie => new long[] { 2 + movie % 3, 0 }).ToArray();
        return new EncodedRatings(Schema, [.. categorical], [.. titleRows], titles, [.. labels]);
    }

    // The AUC by its definition: over every (positive, negative) pair, 1 if the positive scores higher, ½ on a tie.
    private static double PairwiseAuc(float[] scores, ReadOnlySpan<float> labels)
    {
        double wins = 0;
        long pairs = 0;
        for (int positive = 0; positive < scores.Length; positive++)
        {
            if (labels[positive] != 1f) continue;
            for (int negative = 0; negative < scores.Length; negative++)
            {
                if (labels[negative] != 0f) continue;
                pairs++;
                wins += scores[positive] > scores[negative] ? 1 : scores[positive] == scores[negative] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    [Fact]
    public void OneIterationLearnsTheMovieSignalAndItsAucIsThePairwiseShareOfItsOwnPredictions()
    {
        EncodedRatings ratings = Fixture();

        FieldAwareFm model = FieldAwareFm.Train(ratings, new FieldAwareFmOptions(Iterations: 1, LatentDimension: 4), seed: 42);
        float[] logits = model.Logits(ratings);
        double reported = model.Evaluate(ratings).Auc;

        Assert.Equal(ratings.Count, logits.Length);
        Assert.Equal(PairwiseAuc(logits, ratings.Labels), reported, precision: 10);
        // One pass is enough to put liked movies above the others for most pairs.
        Assert.InRange(reported, 0.75, 1.0);
        // Predict is σ of the same logits.
        Assert.Equal(logits.Select(logit => 1 / (1 + Math.Exp(-logit))), model.Predict(ratings).Select(p => (double)p),
            new Comparison(1e-6));
    }

    [Fact]
    public void ParametersAreALinearWeightAndOneVectorPerFieldForEveryFeature()
    {
        // n = 10 + 10 + 5 = 25 features, F = 3 fields, k = 4: 25 · (1 + 3 · 4) + 1 bias.
        Assert.Equal(25 * 13 + 1, FieldAwareFm.ParametersOf(Schema, latentDimension: 4));
    }

    [Fact]
    public void RatingsEncodedWithOtherFieldsAreRefusedByName()
    {
        FieldAwareFm model = FieldAwareFm.Train(Fixture(), new FieldAwareFmOptions(Iterations: 1, LatentDimension: 2), seed: 1);
        var other = new FeatureSchema([new CategoricalField(MovieLensColumns.UserId, 3), new CategoricalField(MovieLensColumns.MovieId, 10)], 5, 2);
        var ratings = new EncodedRatings(other, [0, 1], [0], [2, 0], [1f]);

        var error = Assert.Throws<ArgumentException>(() => model.Logits(ratings));
        Assert.Contains("other fields", error.Message);
    }

    private sealed class Comparison(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
