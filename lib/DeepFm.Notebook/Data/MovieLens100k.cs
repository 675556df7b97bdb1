using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// MovieLens-100k as DataFrames, shaped like TFDS <c>movielens/100k-ratings</c>: <see cref="Ratings"/> holds one row
/// per rating (100,000) with the rating's user and movie features joined in, under the TFDS feature names
/// (<see cref="MovieLensColumns"/>), plus the tutorial's binary <c>label</c> = 1 when the rating is above 3.
/// <see cref="Users"/> (943 rows) and <see cref="Movies"/> (1,682 rows) are the parsed <c>u.user</c> and <c>u.item</c>.
/// </summary>
public sealed class MovieLens100k
{
    private MovieLens100k(string source, DataFrame users, DataFrame movies, DataFrame ratings)
    {
        Source = source;
        Users = users;
        Movies = movies;
        Ratings = ratings;
    }

    /// <summary>Where the files were read from.</summary>
    public string Source { get; }

    /// <summary>One row per user: user_id, raw_user_age, user_gender, bucketized_user_age, user_occupation_label, user_occupation_text, user_zip_code.</summary>
    public DataFrame Users { get; }

    /// <summary>One row per movie: movie_id, movie_title.</summary>
    public DataFrame Movies { get; }

    /// <summary>One row per rating, in <c>u.data</c> order: user features, movie_id, movie_title, user_rating, timestamp, label.</summary>
    public DataFrame Ratings { get; }

    /// <summary>
    /// Finds the data (<paramref name="path"/>, else <c>DEEPFM_DATA</c>, else the cache, else a download, see
    /// <see cref="MovieLensArchive"/>), checks it is the complete data set and parses it.
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
        DataFrame users = UsersFileReader.Read(files.Users);
        DataFrame movies = MoviesFileReader.Read(files.Movies);
        RatingsFileReader.Columns ratings = RatingsFileReader.ReadColumns(files.Ratings);
        return new MovieLens100k(files.Source, users, movies, Join(files.Ratings.Name, ratings, users, movies));
    }

    // A hash join written out rather than DataFrame.Merge: it keeps u.data's row order, reports the line of an
    // unknown id, and takes milliseconds because it reads the small tables once and fills each column from an array.
    private static DataFrame Join(string ratingsFileName, RatingsFileReader.Columns ratings, DataFrame users, DataFrame movies)
    {
        int[] userRows = RowsOf(users.Columns.GetStringColumn(MovieLensColumns.UserId), ratings.UserIds, ratingsFileName, "user", "u.user");
        int[] movieRows = RowsOf(movies.Columns.GetStringColumn(MovieLensColumns.MovieId), ratings.MovieIds, ratingsFileName, "item", "u.item");
        DataFrameColumn FromUsers(string name) => Gather(users.Columns[name], userRows);
        DataFrameColumn FromMovies(string name) => Gather(movies.Columns[name], movieRows);
        return new DataFrame(
            new StringDataFrameColumn(MovieLensColumns.UserId, ratings.UserIds),
            FromUsers(MovieLensColumns.UserGender),
            FromUsers(MovieLensColumns.BucketizedUserAge),
            FromUsers(MovieLensColumns.RawUserAge),
            FromUsers(MovieLensColumns.UserOccupationLabel),
            FromUsers(MovieLensColumns.UserOccupationText),
            FromUsers(MovieLensColumns.UserZipCode),
            new StringDataFrameColumn(MovieLensColumns.MovieId, ratings.MovieIds),
            FromMovies(MovieLensColumns.MovieTitle),
            DataFrameArrays.Single(MovieLensColumns.UserRating, ratings.Stars),
            DataFrameArrays.Int64(MovieLensColumns.Timestamp, ratings.Timestamps),
            DataFrameArrays.Single(MovieLensColumns.Label, ratings.Stars.Select(stars => stars > 3 ? 1f : 0f).ToArray()));
    }

    private static int[] RowsOf(StringDataFrameColumn tableIds, string[] ratingIds, string ratingsFileName, string what,
        string tableFile)
    {
        var rowOfId = new Dictionary<string, int>((int)tableIds.Length, StringComparer.Ordinal);
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

    // Reads the small table's column once into an array, then repeats its values along the rating rows.
    private static DataFrameColumn Gather(DataFrameColumn column, int[] rows) => column switch
    {
        StringDataFrameColumn strings => new StringDataFrameColumn(column.Name, DataFrameArrays.Gather(strings.ToArray(), rows)),
        BooleanDataFrameColumn bools => DataFrameArrays.Boolean(column.Name, DataFrameArrays.Gather(DataFrameArrays.ToArray(bools), rows)),
        SingleDataFrameColumn floats => DataFrameArrays.Single(column.Name, DataFrameArrays.Gather(DataFrameArrays.ToArray(floats), rows)),
        Int64DataFrameColumn longs => DataFrameArrays.Int64(column.Name, DataFrameArrays.Gather(DataFrameArrays.ToArray(longs), rows)),
        _ => throw new NotSupportedException($"Column {column.Name} of type {column.DataType} cannot be joined."),
    };
}
