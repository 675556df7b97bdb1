using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Evaluation;

/// <summary>One test user's ranking problem: the movies to rank and which of them the user liked in the test split.</summary>
/// <param name="User">The user's user_id vocabulary index.</param>
/// <param name="Candidates">Movie indices the user did not rate in training, ascending.</param>
/// <param name="Relevant">The candidates the user rated 4 or 5 stars in the test split (never empty).</param>
public sealed record RankingUser(int User, int[] Candidates, IReadOnlySet<int> Relevant);

/// <summary>
/// The top-k question asked of every model: for each user with at least one test rating of 4 or 5 stars, rank every
/// movie the user did not rate in training (the 80,000 ratings before the validation split was carved out: a model
/// must not get credit for re-finding what it was shown); the relevant movies are those test ratings ≥ 4. Test movies
/// the user rated 1–3 stay among the candidates as misses. Also holds what scorers need: the users' and movies'
/// encodings (<see cref="EncodedCatalog"/>, shared with the recommender) and how often each movie was liked in
/// training (the popularity baseline).
/// </summary>
public sealed class RankingTask
{
    private readonly EncodedCatalog catalog;

    private RankingTask(EncodedCatalog catalog, int[] likes, IReadOnlyList<RankingUser> users)
    {
        this.catalog = catalog;
        Schema = catalog.Schema;
        MovieField = catalog.Schema.MovieIdField;
        TrainingLikes = likes;
        Users = users;
    }

    /// <summary>The fields and sizes candidate rows are encoded with.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>Position of movie_id in a categorical row (<see cref="FeatureSchema.MovieIdField"/>).</summary>
    public int MovieField { get; }

    /// <summary>The users evaluated, by user index.</summary>
    public IReadOnlyList<RankingUser> Users { get; }

    /// <summary>For each movie index, its training ratings of 4 or 5 stars (the popularity baseline's score).</summary>
    public IReadOnlyList<int> TrainingLikes { get; }

    /// <summary>(user, candidate movie) pairs to score, summed over users.</summary>
    public long CandidateCount => Users.Sum(user => (long)user.Candidates.Length);

    /// <summary>
    /// Builds the task from the encoded ratings of <paramref name="features"/>: <paramref name="trainingRows"/> are the
    /// rows a model may have seen (for the validation protocol: training and validation rows together, i.e.
    /// <see cref="TrainTestSplit.TrainRows"/>), <paramref name="testRows"/> the rows that define relevance.
    /// </summary>
    public static RankingTask Create(MovieLensFeatures features, IReadOnlyList<int> trainingRows, IReadOnlyList<int> testRows)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trainingRows);
        ArgumentNullException.ThrowIfNull(testRows);
        EncodedRatings ratings = features.Ratings;
        FeatureSchema schema = ratings.Schema;
        int userField = schema.UserIdField, movieField = schema.MovieIdField;
        var catalog = EncodedCatalog.Of(ratings);
        int userCount = catalog.UserCount, movieCount = catalog.MovieCount;

        var seen = Enumerable.Range(0, userCount).Select(_ => new HashSet<int>()).ToArray();
        var likes = new int[movieCount];
        foreach (int row in trainingRows)
        {
            (int user, int movie) = UserAndMovie(ratings, row, userField, movieField);
            seen[user].Add(movie);
            if (ratings.Labels[row] > 0.5f) likes[movie]++;
        }
        var relevant = Enumerable.Range(0, userCount).Select(_ => new HashSet<int>()).ToArray();
        foreach (int row in testRows)
        {
            (int user, int movie) = UserAndMovie(ratings, row, userField, movieField);
            if (ratings.Labels[row] > 0.5f && !seen[user].Contains(movie)) relevant[user].Add(movie);
        }

        // Movies no rating mentions have no title row to encode; MovieLens has none, small fixtures may.
        int[] encodable = Enumerable.Range(0, movieCount).Where(catalog.HasMovie).ToArray();
        var users = Enumerable.Range(0, userCount)
            .Where(user => relevant[user].Count > 0)
            .Select(user => new RankingUser(user, encodable.Where(movie => !seen[user].Contains(movie)).ToArray(), relevant[user]))
            .ToList();
        return new RankingTask(catalog, likes, users);
    }

    /// <summary>The task for a train/test split: candidates exclude its training ratings, relevance comes from its test ratings.</summary>
    public static RankingTask Create(MovieLensFeatures features, TrainTestSplit split) =>
        Create(features, split.TrainRows, split.TestRows);

    /// <summary>A categorical row of <paramref name="user"/> (any movie); scorers overwrite <see cref="MovieField"/>.</summary>
    public ReadOnlySpan<long> CategoricalRowOf(int user) => catalog.CategoricalRowOf(user);

    /// <summary>The padded title tokens of <paramref name="movie"/>, as in training.</summary>
    public ReadOnlySpan<long> TitleTokensOf(int movie) => catalog.TitleTokensOf(movie);

    private static (int User, int Movie) UserAndMovie(EncodedRatings ratings, int row, int userField, int movieField)
    {
        ReadOnlySpan<long> categorical = ratings.CategoricalRow(row);
        return ((int)categorical[userField], (int)categorical[movieField]);
    }
}
