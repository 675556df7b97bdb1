namespace DeepFm.Notebook.Data;

/// <summary>
/// Every user and movie encoded as the model saw them in training, looked up by vocabulary index: a user's categorical
/// row (from the first rating of that user; scorers overwrite <see cref="FeatureSchema.MovieIdField"/> with the movie
/// they ask about) and a movie's padded title tokens. The one lookup behind recommendations
/// (<c>MovieRecommender</c>), the ranking task (<c>RankingTask</c>) and the explanation of one prediction
/// (<c>PredictionExplanation</c>), so a candidate row is built the same way everywhere.
/// </summary>
public sealed class EncodedCatalog
{
    private readonly long[]?[] categoricalRowOfUser;   // null: no rating of this user
    private readonly long[]?[] titleTokensOfMovie;     // null: no rating of this movie

    private EncodedCatalog(FeatureSchema schema, long[]?[] userRows, long[]?[] titles)
    {
        Schema = schema;
        categoricalRowOfUser = userRows;
        titleTokensOfMovie = titles;
    }

    /// <summary>The fields and sizes the rows are encoded with.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>Size of the user_id vocabulary.</summary>
    public int UserCount => categoricalRowOfUser.Length;

    /// <summary>Size of the movie_id vocabulary.</summary>
    public int MovieCount => titleTokensOfMovie.Length;

    /// <summary>Reads each user's first categorical row and each movie's title tokens from <paramref name="ratings"/>.</summary>
    public static EncodedCatalog Of(EncodedRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        FeatureSchema schema = ratings.Schema;
        int userField = schema.UserIdField, movieField = schema.MovieIdField;
        var userRows = new long[]?[schema.CategoricalFields[userField].Cardinality];
        var titles = new long[]?[schema.CategoricalFields[movieField].Cardinality];
        for (int row = 0; row < ratings.Count; row++)
        {
            ReadOnlySpan<long> categorical = ratings.CategoricalRow(row);
            userRows[categorical[userField]] ??= categorical.ToArray();
            titles[categorical[movieField]] ??= ratings.TitleTokensOf(row).ToArray();
        }
        return new EncodedCatalog(schema, userRows, titles);
    }

    /// <summary>True when some rating names <paramref name="user"/>, so it has a row to encode.</summary>
    public bool HasUser(int user) => categoricalRowOfUser[user] is not null;

    /// <summary>True when some rating names <paramref name="movie"/>, so it has title tokens to encode.</summary>
    public bool HasMovie(int movie) => titleTokensOfMovie[movie] is not null;

    /// <summary>A categorical row of <paramref name="user"/> (its first rating, any movie).</summary>
    public ReadOnlySpan<long> CategoricalRowOf(int user) =>
        categoricalRowOfUser[user] ?? throw new ArgumentException($"User index {user} has no rating to take its encoding from.", nameof(user));

    /// <summary>The padded title tokens of <paramref name="movie"/>, as in training.</summary>
    public ReadOnlySpan<long> TitleTokensOf(int movie) =>
        titleTokensOfMovie[movie] ?? throw new ArgumentException($"Movie index {movie} has no rating to take its encoding from.", nameof(movie));
}
