using DeepFm.Notebook.Data;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Recommendations;

/// <summary>
/// What the recommender needs to know about users and movies, indexed by vocabulary index: the stars of every movie
/// each user rated; each movie's id, title and rating count; and the users' and movies' encodings
/// (<see cref="Encoded"/>, the same lookup the ranking task uses), so a candidate row is encoded exactly as the model
/// saw it in training.
/// </summary>
internal sealed class RatingsCatalog
{
    private readonly Dictionary<int, float>[] starsByUser;   // movie index → stars, one dictionary per user index
    private readonly int[] ratingCounts;                    // ratings per movie index

    public RatingsCatalog(MovieLensFeatures features, MovieLens100k data)
    {
        EncodedRatings ratings = features.Ratings;
        if (data.Ratings.Rows.Count != ratings.Count)
            throw new ArgumentException(
                $"The features encode {ratings.Count:N0} ratings but the data holds {data.Ratings.Rows.Count:N0}: " +
                "build the features from the same data with MovieLensFeatures.Build(data).", nameof(features));

        UserIds = features.UserIds;
        MovieIds = features.MovieIds;
        Encoded = EncodedCatalog.Of(ratings);
        FeatureSchema schema = features.Schema;
        int userPosition = schema.UserIdField, moviePosition = schema.MovieIdField;
        float[] stars = DataFrameArrays.ToArray(data.Ratings.Columns.GetSingleColumn(MovieLensColumns.UserRating));

        starsByUser = Enumerable.Range(0, UserIds.Count).Select(_ => new Dictionary<int, float>()).ToArray();
        ratingCounts = new int[MovieIds.Count];
        for (int row = 0; row < ratings.Count; row++)
        {
            ReadOnlySpan<long> categorical = ratings.CategoricalRow(row);
            int user = (int)categorical[userPosition], movie = (int)categorical[moviePosition];
            starsByUser[user][movie] = stars[row];
            ratingCounts[movie]++;
        }

        var titleOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        StringDataFrameColumn movieIdColumn = data.Movies.Columns.GetStringColumn(MovieLensColumns.MovieId);
        StringDataFrameColumn titleColumn = data.Movies.Columns.GetStringColumn(MovieLensColumns.MovieTitle);
        for (long row = 0; row < movieIdColumn.Length; row++)
            titleOfId[movieIdColumn[row]] = titleColumn[row];
        Titles = MovieIds.Values.Select(id => titleOfId[id]).ToArray();
    }

    public FeatureVocabulary<string> UserIds { get; }

    public FeatureVocabulary<string> MovieIds { get; }

    /// <summary>Movie titles by movie index.</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>Each user's categorical row and each movie's title tokens, as in training.</summary>
    public EncodedCatalog Encoded { get; }

    /// <summary>Stars the user gave, by movie index (every rating in the full data set).</summary>
    public IReadOnlyDictionary<int, float> StarsBy(int user) => starsByUser[user];

    /// <summary>How many ratings the movie has in the full data set.</summary>
    public int RatingCountOf(int movie) => ratingCounts[movie];

    /// <summary>The user's vocabulary index, or an exception saying which ids exist.</summary>
    public int RequireUser(string userId) =>
        UserIds.TryGetIndex(userId, out int index)
            ? index
            : throw new ArgumentException(
                $"Unknown user id '{userId}': user ids are {Describe(UserIds)}, as in the user_id column of data.Users.",
                nameof(userId));

    /// <summary>The movie's vocabulary index, or an exception saying which ids exist and how to find one.</summary>
    public int RequireMovie(string movieId) =>
        MovieIds.TryGetIndex(movieId, out int index)
            ? index
            : throw new ArgumentException(
                $"Unknown movie id '{movieId}': movie ids are {Describe(MovieIds)}; find one by title with " +
                "FindMovieId(\"Star Wars (1977)\") or look in the movie_id column of data.Movies.", nameof(movieId));

    /// <summary>Orders movie ids as numbers when both are numbers ("9" before "10"), else ordinally.</summary>
    public static int CompareIds(string left, string right) =>
        long.TryParse(left, out long leftNumber) && long.TryParse(right, out long rightNumber)
            ? leftNumber.CompareTo(rightNumber)
            : string.CompareOrdinal(left, right);

    // "the 943 strings 1 to 943" when the ids are numbers (they are in MovieLens), else the count and two examples.
    private static string Describe(FeatureVocabulary<string> ids)
    {
        long[] numbers = ids.Values.Select(id => long.TryParse(id, out long number) ? number : long.MinValue).ToArray();
        return numbers.All(number => number != long.MinValue)
            ? $"the {ids.Count:N0} numbers from \"{numbers.Min()}\" to \"{numbers.Max()}\" (written as strings)"
            : $"{ids.Count:N0} strings such as \"{ids.Values[0]}\" and \"{ids.Values[^1]}\"";
    }
}
