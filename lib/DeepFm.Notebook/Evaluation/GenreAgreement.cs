using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Recommendations;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Did the movie embeddings learn something a person would call "similar"? For every movie with at least
/// <c>minimumRatings</c> ratings, its k nearest such movies by the cosine of the movie_id embedding rows (as
/// <see cref="MovieRecommender.SimilarMovies"/> lists them) are compared with it on two things the model never saw
/// directly: genre (do they share at least one of u.item's 19 genres?) and how well liked they are (the gap between
/// their shares of 4–5 star ratings). Random pairs of the same movies give the chance level of both.
/// </summary>
/// <param name="Model">The model the embeddings came from.</param>
/// <param name="Movies">Movies compared (those with at least the minimum number of ratings).</param>
/// <param name="K">Neighbours per movie.</param>
/// <param name="NeighbourGenreShare">Share of (movie, neighbour) pairs with a genre in common.</param>
/// <param name="RandomPairGenreShare">The same share over all pairs of distinct compared movies (chance level).</param>
/// <param name="NeighbourLikeRateGap">Mean |like rate(movie) − like rate(neighbour)|, like rate = share of 4–5 stars.</param>
/// <param name="RandomPairLikeRateGap">The same mean over all pairs of distinct compared movies.</param>
public sealed record GenreAgreement(string Model, int Movies, int K, double NeighbourGenreShare, double RandomPairGenreShare,
    double NeighbourLikeRateGap, double RandomPairLikeRateGap)
{
    /// <summary>
    /// Measures <paramref name="model"/>'s movie embeddings (throws for LR, which has none). With
    /// <paramref name="initial"/> (the same variant built with the same seed, untrained) it measures what training
    /// changed instead: the displacement e_trained − e_initial of each movie's vector. Training moves the vectors
    /// only a little, so their cosines are dominated by the random starting point; the displacement is the learned part.
    /// </summary>
    public static GenreAgreement Measure(DeepFmModel model, MovieLensFeatures features, MovieGenres genres, int k = 10,
        int minimumRatings = 100, string? name = null, DeepFmModel? initial = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(genres);
        int movieField = features.Schema.MovieIdField;
        int movieCount = features.MovieIds.Count;
        var ratings = new int[movieCount];
        var likes = new int[movieCount];
        for (int row = 0; row < features.Ratings.Count; row++)
        {
            int movie = (int)features.Ratings.CategoricalRow(row)[movieField];
            ratings[movie]++;
            if (features.Ratings.Labels[row] > 0.5f) likes[movie]++;
        }
        int[] movies = Enumerable.Range(0, movieCount).Where(movie => ratings[movie] >= minimumRatings).ToArray();
        if (movies.Length <= k)
            throw new ArgumentException($"Only {movies.Length} movies have {minimumRatings} ratings or more; need more than k = {k}.");
        int[] masks = movies.Select(movie => genres.MaskOf(features.MovieIds.Values[movie])).ToArray();
        double[] likeRates = movies.Select(movie => (double)likes[movie] / ratings[movie]).ToArray();
        float[][] unitVectors = UnitVectors(model, initial, movies);

        int neighbourPairs = 0, neighbourShared = 0, randomPairs = 0, randomShared = 0;
        double neighbourGap = 0, randomGap = 0;
        var cosines = new float[movies.Length];
        int[] positions = Enumerable.Range(0, movies.Length).ToArray();
        for (int a = 0; a < movies.Length; a++)
        {
            for (int b = 0; b < movies.Length; b++)
            {
                cosines[b] = b == a ? float.NegativeInfinity : Dot(unitVectors[a], unitVectors[b]);
                if (b == a) continue;
                randomPairs++;
                if ((masks[a] & masks[b]) != 0) randomShared++;
                randomGap += Math.Abs(likeRates[a] - likeRates[b]);
            }
            foreach (int b in TopKMetrics.TopK(positions, cosines, k))
            {
                neighbourPairs++;
                if ((masks[a] & masks[b]) != 0) neighbourShared++;
                neighbourGap += Math.Abs(likeRates[a] - likeRates[b]);
            }
        }
        return new GenreAgreement(name ?? (initial is null ? model.Options.Name : $"{model.Options.Name} (change from its start)"), movies.Length, k, (double)neighbourShared / neighbourPairs,
            (double)randomShared / randomPairs, neighbourGap / neighbourPairs, randomGap / randomPairs);
    }

    /// <summary>
    /// One row per measurement and a last row for random pairs (of the first measurement's movies): columns
    /// <c>embeddings</c>, <c>movies</c>, <c>share_sharing_a_genre</c>, <c>like_rate_gap</c>, rounded to 3 decimals.
    /// </summary>
    public static DataFrame Table(IReadOnlyList<GenreAgreement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Count == 0) throw new ArgumentException("Give at least one measurement.", nameof(measurements));
        GenreAgreement first = measurements[0];
        var names = measurements.Select(m => $"{m.Model}: top-{m.K} neighbours").Append("random pairs").ToList();
        return new DataFrame(
            new StringDataFrameColumn("embeddings", names),
            new PrimitiveDataFrameColumn<int>("movies", measurements.Select(m => m.Movies).Append(first.Movies)),
            new PrimitiveDataFrameColumn<double>("share_sharing_a_genre",
                measurements.Select(m => Math.Round(m.NeighbourGenreShare, 3)).Append(Math.Round(first.RandomPairGenreShare, 3))),
            new PrimitiveDataFrameColumn<double>("like_rate_gap",
                measurements.Select(m => Math.Round(m.NeighbourLikeRateGap, 3)).Append(Math.Round(first.RandomPairLikeRateGap, 3))));
    }

    private static float[][] UnitVectors(DeepFmModel model, DeepFmModel? initial, int[] movies)
    {
        using var scope = torch.NewDisposeScope();
        var table = MovieEmbeddingSimilarity.MovieEmbeddings(model);                      // [M, D]
        if (initial is not null) table = table - MovieEmbeddingSimilarity.MovieEmbeddings(initial);   // what training moved
        int dimension = (int)table.shape[1];
        float[] flat = table.contiguous().data<float>().ToArray();
        return movies.Select(movie =>
        {
            float[] vector = flat.AsSpan(movie * dimension, dimension).ToArray();
            float norm = MathF.Max(MathF.Sqrt(Dot(vector, vector)), 1e-8f);             // a zero vector stays zero
            return vector.Select(value => value / norm).ToArray();
        }).ToArray();
    }

    private static float Dot(float[] left, float[] right)
    {
        float sum = 0;
        for (int i = 0; i < left.Length; i++) sum += left[i] * right[i];
        return sum;
    }
}
