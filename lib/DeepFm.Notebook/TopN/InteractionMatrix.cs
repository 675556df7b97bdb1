using DeepFm.Notebook.Data;
using static TorchSharp.torch;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// Implicit feedback: which movies each user rated, whatever the stars — the binary user × movie matrix X of the
/// top-N literature, X_um = 1 when user u rated movie m. Built from encoded ratings (user and movie by vocabulary
/// index), it is what EASE and item-kNN learn from, and what the negative sampler must avoid.
/// </summary>
public sealed class InteractionMatrix
{
    private readonly bool[] rated;   // row-major [users, movies]
    private readonly int[][] moviesOfUser;

    private InteractionMatrix(int users, int movies, bool[] rated)
    {
        UserCount = users;
        MovieCount = movies;
        this.rated = rated;
        moviesOfUser = Enumerable.Range(0, users)
            .Select(user => Enumerable.Range(0, movies).Where(movie => rated[user * movies + movie]).ToArray()).ToArray();
        var counts = new int[movies];
        foreach (int[] row in moviesOfUser) foreach (int movie in row) counts[movie]++;
        RatingCounts = counts;
    }

    /// <summary>Rows of X: the user_id vocabulary size.</summary>
    public int UserCount { get; }

    /// <summary>Columns of X: the movie_id vocabulary size.</summary>
    public int MovieCount { get; }

    /// <summary>For each movie, how many users rated it (the column sums of X: its popularity).</summary>
    public IReadOnlyList<int> RatingCounts { get; }

    /// <summary>Number of (user, movie) pairs in X (a movie rated twice by a user counts once).</summary>
    public int Count => moviesOfUser.Sum(row => row.Length);

    /// <summary>True when <paramref name="user"/> rated <paramref name="movie"/>.</summary>
    public bool Contains(int user, int movie) => rated[user * MovieCount + movie];

    /// <summary>The movies <paramref name="user"/> rated, ascending.</summary>
    public IReadOnlyList<int> MoviesOf(int user) => moviesOfUser[user];

    /// <summary>X from every rating of <paramref name="ratings"/> (for example a validation split's training part).</summary>
    public static InteractionMatrix From(params EncodedRatings[] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Length == 0) throw new ArgumentException("Give at least one set of ratings.", nameof(ratings));
        FeatureSchema schema = ratings[0].Schema;
        int userField = schema.UserIdField, movieField = schema.MovieIdField;
        int users = schema.CategoricalFields[userField].Cardinality, movies = schema.CategoricalFields[movieField].Cardinality;
        var rated = new bool[users * movies];
        foreach (EncodedRatings set in ratings)
        {
            if (!set.Schema.CategoricalFields.SequenceEqual(schema.CategoricalFields))
                throw new ArgumentException(
                    "The rating sets were encoded with different fields; build them from one MovieLensFeatures.", nameof(ratings));
            for (int row = 0; row < set.Count; row++)
            {
                ReadOnlySpan<long> categorical = set.CategoricalRow(row);
                rated[categorical[userField] * movies + categorical[movieField]] = true;
            }
        }
        return new InteractionMatrix(users, movies, rated);
    }

    /// <summary>X with the given (user, movie) pairs set, for <paramref name="users"/> × <paramref name="movies"/> indices.</summary>
    public static InteractionMatrix FromPairs(int users, int movies, IEnumerable<(int User, int Movie)> pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(users);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(movies);
        ArgumentNullException.ThrowIfNull(pairs);
        var rated = new bool[users * movies];
        foreach ((int user, int movie) in pairs)
        {
            if ((uint)user >= users || (uint)movie >= movies)
                throw new ArgumentOutOfRangeException(nameof(pairs), $"({user}, {movie}) lies outside {users} users × {movies} movies.");
            rated[user * movies + movie] = true;
        }
        return new InteractionMatrix(users, movies, rated);
    }

    /// <summary>X as a float64 tensor [users, movies] of zeros and ones (the caller disposes it).</summary>
    public Tensor ToTensor()
    {
        var values = new double[rated.Length];
        for (int i = 0; i < rated.Length; i++) values[i] = rated[i] ? 1 : 0;
        return tensor(values, [UserCount, MovieCount]);
    }
}
