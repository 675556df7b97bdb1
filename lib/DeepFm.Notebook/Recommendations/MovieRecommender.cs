using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Recommendations;

/// <summary>
/// Turns a trained <see cref="DeepFmModel"/> into recommendations. <see cref="Recommend"/> scores every movie a user
/// has not rated: one batch of M candidate rows, the user's fields repeated beside each candidate's movie index
/// (categorical int64 [M, F], columns named by <see cref="FeatureSchema"/>) and title tokens (int64 [M, L]), giving P(rating ≥ 4) float32 [M]; the k highest are
/// the recommendations. <see cref="RatedHighest"/> shows what the user liked for comparison, and
/// <see cref="SimilarMovies"/> the movies whose learned embeddings point the same way.
/// </summary>
public sealed class MovieRecommender
{
    private readonly DeepFmModel model;
    private readonly RatingsCatalog catalog;

    /// <summary>Indexes users and movies of <paramref name="data"/>, which <paramref name="features"/> was built from.</summary>
    public MovieRecommender(DeepFmModel model, MovieLensFeatures features, MovieLens100k data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(data);
        if (!model.Schema.CategoricalFields.SequenceEqual(features.Schema.CategoricalFields))
            throw new ArgumentException(
                "The model was built for other fields or vocabulary sizes than these features: build it with " +
                "new DeepFmModel(features.Schema, options, seed).", nameof(model));
        this.model = model;
        catalog = new RatingsCatalog(features, data);
    }

    /// <summary>
    /// The <paramref name="k"/> movies <paramref name="userId"/> has not rated with the highest predicted probability
    /// of a 4–5 star rating (fewer if fewer are left). Columns: <c>rank</c> (1…), <c>movie_id</c>,
    /// <c>movie_title</c>, <c>score</c> (4 decimals); sorted by score descending, ties by movie id.
    /// </summary>
    public DataFrame Recommend(string userId, int k = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        int user = catalog.RequireUser(userId);
        IReadOnlyDictionary<int, float> rated = catalog.StarsBy(user);
        int[] candidates = Enumerable.Range(0, catalog.MovieIds.Count).Where(movie => !rated.ContainsKey(movie)).ToArray();
        float[] scores = Score(user, candidates);
        var ranked = Enumerable.Range(0, candidates.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => catalog.MovieIds.Values[candidates[i]], Comparer<string>.Create(RatingsCatalog.CompareIds))
            .Take(k)
            .ToList();
        return Table(ranked.Select(i => candidates[i]).ToList(), "score", ranked.Select(i => Rounded(scores[i])));
    }

    /// <summary>
    /// The <paramref name="k"/> movies <paramref name="userId"/> rated highest, for a side-by-side look at
    /// <see cref="Recommend"/>. Columns: <c>rank</c>, <c>movie_id</c>, <c>movie_title</c>, <c>user_rating</c>;
    /// sorted by rating descending, then title.
    /// </summary>
    public DataFrame RatedHighest(string userId, int k = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var ranked = catalog.StarsBy(catalog.RequireUser(userId))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => catalog.Titles[pair.Key], StringComparer.Ordinal)
            .Take(k)
            .ToList();
        return Table(ranked.Select(pair => pair.Key).ToList(), MovieLensColumns.UserRating, ranked.Select(pair => pair.Value));
    }

    /// <summary>
    /// The <paramref name="k"/> movies whose learned movie_id embeddings have the highest cosine similarity with
    /// that of <paramref name="movieId"/>, the movie itself left out. Columns: <c>rank</c>, <c>movie_id</c>,
    /// <c>movie_title</c>, <c>similarity</c> (−1…1, 4 decimals), <c>ratings</c>; ties by movie id. Only movies with at least
    /// <paramref name="minimumRatings"/> ratings are listed: a movie rated a handful of times keeps an embedding close
    /// to its random start, and among 1,682 random vectors some are close to any query by chance. Throws
    /// <see cref="InvalidOperationException"/> for a model without embeddings (the LR preset).
    /// </summary>
    public DataFrame SimilarMovies(string movieId, int k = 10, int minimumRatings = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumRatings);
        int movie = catalog.RequireMovie(movieId);
        float[] similarities = MovieEmbeddingSimilarity.CosineToAll(model, movie);
        var ranked = Enumerable.Range(0, similarities.Length)
            .Where(other => other != movie && catalog.RatingCountOf(other) >= minimumRatings)
            .OrderByDescending(other => similarities[other])
            .ThenBy(other => catalog.MovieIds.Values[other], Comparer<string>.Create(RatingsCatalog.CompareIds))
            .Take(k)
            .ToList();
        DataFrame table = Table(ranked, "similarity", ranked.Select(other => Rounded(similarities[other])));
        table.Columns.Add(new PrimitiveDataFrameColumn<int>("ratings", ranked.Select(catalog.RatingCountOf)));
        return table;
    }

    /// <summary>
    /// The id of the one movie whose title is, or contains, <paramref name="titleFragment"/> (case ignored), e.g.
    /// "50" for "Star Wars (1977)"; throws listing the candidates when none or several match.
    /// </summary>
    public string FindMovieId(string titleFragment) => MovieTitleSearch.FindMovieId(catalog, titleFragment);

    /// <summary>The title of a movie id (throws for an unknown id).</summary>
    public string TitleOf(string movieId) => catalog.Titles[catalog.RequireMovie(movieId)];

    // P(rating >= 4) for the user paired with each candidate movie, in one batch (ModelInference: eval(), no_grad()).
    private float[] Score(int user, int[] candidates)
    {
        if (candidates.Length == 0) return [];
        FeatureSchema schema = model.Schema;
        int fields = schema.CategoricalFieldCount, length = schema.TitleLength, movieColumn = schema.MovieIdField;
        IReadOnlyList<int> userColumns = schema.UserFields;
        var categorical = new long[candidates.Length * fields];
        var titleTokens = new long[candidates.Length * length];
        ReadOnlySpan<long> userRow = catalog.Encoded.CategoricalRowOf(user);
        for (int i = 0; i < candidates.Length; i++)
        {
            foreach (int column in userColumns)
                categorical[i * fields + column] = userRow[column];
            categorical[i * fields + movieColumn] = candidates[i];
            catalog.Encoded.TitleTokensOf(candidates[i]).CopyTo(titleTokens.AsSpan(i * length, length));
        }

        using var inference = ModelInference.Begin(model);
        Tensor probabilities = model.Predict(
            torch.tensor(categorical, candidates.Length, fields), torch.tensor(titleTokens, candidates.Length, length));
        return probabilities.data<float>().ToArray();
    }

    // Tables show 4 decimals: more digits than that are noise to a reader (the ranking uses the exact values).
    private static float Rounded(float value) => MathF.Round(value, 4);

    private DataFrame Table<T>(IReadOnlyList<int> movies, string valueColumn, IEnumerable<T> values) where T : unmanaged =>
        new(new PrimitiveDataFrameColumn<int>("rank", Enumerable.Range(1, movies.Count)),
            new StringDataFrameColumn(MovieLensColumns.MovieId, movies.Select(movie => catalog.MovieIds.Values[movie])),
            new StringDataFrameColumn(MovieLensColumns.MovieTitle, movies.Select(movie => catalog.Titles[movie])),
            new PrimitiveDataFrameColumn<T>(valueColumn, values));
}
