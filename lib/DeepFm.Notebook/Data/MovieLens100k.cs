using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// MovieLens-100k as DataFrames, shaped like TFDS <c>movielens/100k-ratings</c>: <see cref="Ratings"/> holds one row
/// per rating (100,000) with the rating's user and movie features joined in, under the TFDS feature names
/// (<see cref="MovieLensColumns"/>), plus the tutorial's binary <c>label</c> = 1 when the rating is above 3.
/// <see cref="Users"/> (943 rows) and <see cref="Movies"/> (1,682 rows) are the parsed <c>u.user</c> and <c>u.item</c>.
/// The DataFrames are for looking at; the features are built from the parsed arrays behind them
/// (<see cref="UserTable"/>, <see cref="MovieTable"/>, <see cref="RatingTable"/> and the join's row indices), so
/// nothing is packed into a DataFrame only to be unpacked again.
/// </summary>
public sealed class MovieLens100k
{
    private readonly int[] userRows;
    private readonly int[] movieRows;

    private MovieLens100k(string source, UserTable users, MovieTable movies, RatingTable ratings, int[] userRows,
        int[] movieRows)
    {
        Source = source;
        UserTable = users;
        MovieTable = movies;
        RatingTable = ratings;
        this.userRows = userRows;
        this.movieRows = movieRows;
        Users = UsersFileReader.ToDataFrame(users);
        Movies = MoviesFileReader.ToDataFrame(movies);
        Ratings = JoinedRatings();
    }

    /// <summary>Where the files were read from.</summary>
    public string Source { get; }

    /// <summary>One row per user: user_id, raw_user_age, user_gender, bucketized_user_age, user_occupation_label, user_occupation_text, user_zip_code.</summary>
    public DataFrame Users { get; }

    /// <summary>One row per movie: movie_id, movie_title.</summary>
    public DataFrame Movies { get; }

    /// <summary>One row per rating, in <c>u.data</c> order: user features, movie_id, movie_title, user_rating, timestamp, label.</summary>
    public DataFrame Ratings { get; }

    /// <summary>The parsed <c>u.user</c>, row for row the same as <see cref="Users"/>.</summary>
    public UserTable UserTable { get; }

    /// <summary>The parsed <c>u.item</c> with release dates and genres, row for row the same as <see cref="Movies"/>.</summary>
    public MovieTable MovieTable { get; }

    /// <summary>The parsed <c>u.data</c>, row for row the same as <see cref="Ratings"/>.</summary>
    public RatingTable RatingTable { get; }

    /// <summary>For each rating, the row of its user in <see cref="UserTable"/> (the join's result).</summary>
    public IReadOnlyList<int> UserRowOfRating => userRows;

    /// <summary>For each rating, the row of its movie in <see cref="MovieTable"/> (the join's result).</summary>
    public IReadOnlyList<int> MovieRowOfRating => movieRows;

    /// <summary>
    /// Finds the data (<paramref name="path"/>, a zip or an extracted folder; null: the download cache, downloading the
    /// official archive once, see <see cref="MovieLensArchive"/>), checks it is the complete data set and parses it.
    /// The environment is not read here: the notebooks pass <c>NotebookParameters.DataPath()</c> (DEEPFM_DATA).
    /// </summary>
    public static MovieLens100k Load(string? path = null, TextWriter? log = null)
    {
        MovieLensFiles files = MovieLensArchive.Open(path, log);
        files.RequireFullDataset();
        return FromFiles(files);
    }

    /// <summary>Parses and joins already-read files of any size (tests use small MovieLens-format fixtures).</summary>
    public static MovieLens100k FromFiles(MovieLensFiles files)
    {
        UserTable users = UsersFileReader.ReadTable(files.Users);
        MovieTable movies = MoviesFileReader.ReadTable(files.Movies);
        RatingTable ratings = RatingsFileReader.ReadTable(files.Ratings);
        // A hash join written out rather than DataFrame.Merge: it keeps u.data's row order, reports the line of an
        // unknown id, and takes milliseconds.
        int[] userRows = RowsOf(users.Ids, ratings.UserIds, files.Ratings.Name, "user", "u.user");
        int[] movieRows = RowsOf(movies.Ids, ratings.MovieIds, files.Ratings.Name, "item", "u.item");
        return new MovieLens100k(files.Source, users, movies, ratings, userRows, movieRows);
    }

    // Each user and movie column is repeated along the ratings that refer to it, straight from the parsed arrays.
    private DataFrame JoinedRatings()
    {
        T[] FromUsers<T>(T[] values) => DataFrameArrays.Gather(values, userRows);
        float[] ToFloats(int[] values) => values.Select(value => (float)value).ToArray();
        RatingTable ratings = RatingTable;
        return new DataFrame(
            new StringDataFrameColumn(MovieLensColumns.UserId, ratings.UserIds),
            DataFrameArrays.Boolean(MovieLensColumns.UserGender, FromUsers(UserTable.IsMale)),
            DataFrameArrays.Single(MovieLensColumns.BucketizedUserAge, FromUsers(ToFloats(UserTable.AgeBuckets))),
            DataFrameArrays.Single(MovieLensColumns.RawUserAge, FromUsers(ToFloats(UserTable.Ages))),
            DataFrameArrays.Int64(MovieLensColumns.UserOccupationLabel, FromUsers(UserTable.OccupationLabels)),
            new StringDataFrameColumn(MovieLensColumns.UserOccupationText, FromUsers(UserTable.Occupations)),
            new StringDataFrameColumn(MovieLensColumns.UserZipCode, FromUsers(UserTable.ZipCodes)),
            new StringDataFrameColumn(MovieLensColumns.MovieId, ratings.MovieIds),
            new StringDataFrameColumn(MovieLensColumns.MovieTitle, DataFrameArrays.Gather(MovieTable.Titles, movieRows)),
            DataFrameArrays.Single(MovieLensColumns.UserRating, ratings.Stars),
            DataFrameArrays.Int64(MovieLensColumns.Timestamp, ratings.Timestamps),
            DataFrameArrays.Single(MovieLensColumns.Label, ratings.Labels()));
    }

    private static int[] RowsOf(string[] tableIds, string[] ratingIds, string ratingsFileName, string what, string tableFile)
    {
        var rowOfId = new Dictionary<string, int>(tableIds.Length, StringComparer.Ordinal);
        for (int row = 0; row < tableIds.Length; row++)
        {
            rowOfId[tableIds[row]] = row;
        }
        var rows = new int[ratingIds.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            if (!rowOfId.TryGetValue(ratingIds[r], out rows[r]))
            {
                throw MovieLensDataException.AtLine(ratingsFileName, r + 1,
                    $"{what} id {ratingIds[r]} does not appear in {tableFile}");
            }
        }
        return rows;
    }
}
