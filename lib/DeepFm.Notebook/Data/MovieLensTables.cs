using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// <c>u.user</c> as parsed, one entry per user in file order: what the features are built from (the DataFrame
/// <see cref="MovieLens100k.Users"/> is the reader's view of the same rows).
/// </summary>
/// <param name="Ids">The user ids as written ("196").</param>
/// <param name="Ages">The exact ages.</param>
/// <param name="IsMale">True for "M", false for "F" (TFDS' user_gender).</param>
/// <param name="AgeBuckets">The TFDS age buckets (see <see cref="Data.AgeBuckets"/>).</param>
/// <param name="OccupationLabels">The TFDS occupation label indices (see <see cref="Data.OccupationLabels"/>).</param>
/// <param name="Occupations">The raw occupations ("technician").</param>
/// <param name="ZipCodes">The zip codes as written: US five-digit codes, and a few Canadian postal codes ("T8H1N").</param>
public sealed record UserTable(string[] Ids, int[] Ages, bool[] IsMale, int[] AgeBuckets, long[] OccupationLabels,
    string[] Occupations, string[] ZipCodes)
{
    /// <summary>Number of users.</summary>
    public int Count => Ids.Length;
}

/// <summary>
/// Reads <c>u.user</c> (<c>id|age|gender|occupation|zip code</c>, one user a line) into a <see cref="UserTable"/>.
/// <see cref="ToDataFrame"/> gives the reader's DataFrame with the TFDS demographic features: user_id, raw_user_age,
/// user_gender, bucketized_user_age, user_occupation_label, user_occupation_text, user_zip_code (one row per user,
/// in file order).
/// </summary>
public static class UsersFileReader
{
    private const string Layout = "id|age|gender|occupation|zip code";


    /// <summary>The reader's view of a parsed table, with the TFDS column names.</summary>
    public static DataFrame ToDataFrame(UserTable users) => new(
        new StringDataFrameColumn(MovieLensColumns.UserId, users.Ids),
        DataFrameArrays.Single(MovieLensColumns.RawUserAge, users.Ages.Select(age => (float)age).ToArray()),
        DataFrameArrays.Boolean(MovieLensColumns.UserGender, users.IsMale),
        DataFrameArrays.Single(MovieLensColumns.BucketizedUserAge, users.AgeBuckets.Select(bucket => (float)bucket).ToArray()),
        DataFrameArrays.Int64(MovieLensColumns.UserOccupationLabel, users.OccupationLabels),
        new StringDataFrameColumn(MovieLensColumns.UserOccupationText, users.Occupations),
        new StringDataFrameColumn(MovieLensColumns.UserZipCode, users.ZipCodes));

    /// <summary>Parses the file; a malformed line raises <see cref="MovieLensDataException"/> naming the line.</summary>
    public static UserTable ReadTable(MovieLensTextFile file)
    {
        var ids = new List<string>();
        var ages = new List<int>();
        var genders = new List<bool>();
        var ageBuckets = new List<int>();
        var occupationLabels = new List<long>();
        var occupations = new List<string>();
        var zipCodes = new List<string>();
        var seen = new HashSet<string>();
        foreach ((int number, string line) in file.Lines())
        {
            string[] fields = file.Fields(number, line, '|', 5, Layout);
            string id = fields[0];
            file.Integer(number, id, "user id");
            if (!seen.Add(id))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"user id {id} appears a second time");
            }
            int age = file.Integer(number, fields[1], "age");
            bool isMale = fields[2] switch
            {
                "M" => true,
                "F" => false,
                _ => throw MovieLensDataException.AtLine(file.Name, number, $"gender \"{fields[2]}\" is neither M nor F"),
            };
            int label = OccupationLabels.LabelOf(fields[3]) ?? throw MovieLensDataException.AtLine(file.Name, number,
                $"occupation \"{fields[3]}\" is not one of the 21 MovieLens-100k occupations "
                + $"({string.Join(", ", OccupationLabels.LabelNameOfOccupation.Keys)})");
            ids.Add(id);
            ages.Add(age);
            genders.Add(isMale);
            ageBuckets.Add(AgeBuckets.Bucketize(age));
            occupationLabels.Add(label);
            occupations.Add(fields[3]);
            zipCodes.Add(fields[4]);
        }
        return new UserTable([.. ids], [.. ages], [.. genders], [.. ageBuckets], [.. occupationLabels], [.. occupations], [.. zipCodes]);
    }
}

/// <summary>
/// <c>u.item</c> as parsed, one entry per movie in file order: what the features are built from (the DataFrame
/// <see cref="MovieLens100k.Movies"/> is the reader's view of the same rows).
/// </summary>
/// <param name="Ids">The movie ids as written ("242").</param>
/// <param name="Titles">The titles with their year, "Toy Story (1995)".</param>
/// <param name="ReleaseDates">The release dates; null where <c>u.item</c> leaves it empty (movie 267).</param>
/// <param name="Genres">Each movie's genre indices into <see cref="MovieLensGenres.Names"/>, in increasing order.</param>
public sealed record MovieTable(string[] Ids, string[] Titles, DateOnly?[] ReleaseDates, int[][] Genres)
{
    /// <summary>Number of movies.</summary>
    public int Count => Ids.Length;
}

/// <summary>
/// Reads <c>u.item</c> (<c>id|title|release date|video release date|IMDb URL|</c> then 19 genre flags) into a
/// <see cref="MovieTable"/>: ids, titles, release dates (see <see cref="ReleaseDates"/>) and genres (see
/// <see cref="MovieLensGenres"/>). <see cref="ToDataFrame"/> gives the reader's DataFrame: movie_id and movie_title, one row
/// per movie in file order, which is all the original tutorial uses.
/// </summary>
public static class MoviesFileReader
{
    private const int FieldCount = 5 + 19;
    private const int FirstGenreField = 5;
    private const string Layout = "id|title|release date|video release date|IMDb URL|19 genre flags";


    /// <summary>The reader's view of a parsed table: movie_id and movie_title.</summary>
    public static DataFrame ToDataFrame(MovieTable movies) => new(
        new StringDataFrameColumn(MovieLensColumns.MovieId, movies.Ids),
        new StringDataFrameColumn(MovieLensColumns.MovieTitle, movies.Titles));

    /// <summary>Parses the file; a malformed line raises <see cref="MovieLensDataException"/> naming the line.</summary>
    public static MovieTable ReadTable(MovieLensTextFile file)
    {
        var ids = new List<string>();
        var titles = new List<string>();
        var releaseDates = new List<DateOnly?>();
        var genres = new List<int[]>();
        var seen = new HashSet<string>();
        foreach ((int number, string line) in file.Lines())
        {
            string[] fields = file.Fields(number, line, '|', FieldCount, Layout);
            string id = fields[0];
            file.Integer(number, id, "movie id");
            if (!seen.Add(id))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"movie id {id} appears a second time");
            }
            if (!ReleaseDates.TryParse(fields[2], out DateOnly? releaseDate))
            {
                throw MovieLensDataException.AtLine(file.Name, number,
                    $"release date \"{fields[2]}\" is not a date like 01-Jan-1995 (leave it empty when it is unknown)");
            }
            ids.Add(id);
            titles.Add(fields[1]);
            releaseDates.Add(releaseDate);
            genres.Add(GenresOf(file, number, fields));
        }
        return new MovieTable([.. ids], [.. titles], [.. releaseDates], [.. genres]);
    }

    // The 19 flags must each be "0" or "1"; the result lists the genres whose flag is 1.
    private static int[] GenresOf(MovieLensTextFile file, int number, string[] fields)
    {
        var genres = new List<int>(3);
        for (int genre = 0; genre < MovieLensGenres.Count; genre++)
        {
            switch (fields[FirstGenreField + genre])
            {
                case "1": genres.Add(genre); break;
                case "0": break;
                case var flag:
                    throw MovieLensDataException.AtLine(file.Name, number,
                        $"genre flag {genre + 1} ({MovieLensGenres.Names[genre]}) is \"{flag}\", not 0 or 1");
            }
        }
        return [.. genres];
    }
}

/// <summary>
/// <c>u.data</c> as parsed, one entry per rating in file order (entry r is line r + 1): what the features are built
/// from (the DataFrame <see cref="MovieLens100k.Ratings"/> is the reader's view, joined with users and movies).
/// </summary>
/// <param name="UserIds">Who rated, as written in <c>u.user</c>.</param>
/// <param name="MovieIds">Which movie, as written in <c>u.item</c>.</param>
/// <param name="Stars">The rating, 1 to 5 stars.</param>
/// <param name="Timestamps">When, in seconds since 1970-01-01 UTC (see <see cref="RatingTimes"/>).</param>
public sealed record RatingTable(string[] UserIds, string[] MovieIds, float[] Stars, long[] Timestamps)
{
    /// <summary>Number of ratings.</summary>
    public int Count => UserIds.Length;

    /// <summary>
    /// The label of every rating, the task's one rule (the original's): 1 when the user gave 4 or 5 stars
    /// (stars &gt; 3), else 0.
    /// </summary>
    public float[] Labels() => Stars.Select(stars => stars > 3 ? 1f : 0f).ToArray();
}

/// <summary>
/// Reads <c>u.data</c> (<c>user id \t item id \t rating \t timestamp</c>, one rating a line) into a
/// <see cref="RatingTable"/>, row r being line r + 1. Ids stay strings, as in TFDS, and are joined to <c>u.user</c>
/// and <c>u.item</c> by <see cref="MovieLens100k"/>.
/// </summary>
public static class RatingsFileReader
{
    private const string Layout = "user id, item id, rating, timestamp";

    /// <summary>
    /// Parses the file; a malformed line, a rating outside 1–5 or a timestamp that is not a time raises
    /// <see cref="MovieLensDataException"/> naming the line.
    /// </summary>
    public static RatingTable ReadTable(MovieLensTextFile file)
    {
        var userIds = new List<string>(MovieLensFiles.FullRatingCount);
        var movieIds = new List<string>(MovieLensFiles.FullRatingCount);
        var stars = new List<float>(MovieLensFiles.FullRatingCount);
        var timestamps = new List<long>(MovieLensFiles.FullRatingCount);
        foreach ((int number, string line) in file.Lines())
        {
            string[] fields = file.Fields(number, line, '\t', 4, Layout);
            file.Integer(number, fields[0], "user id");
            file.Integer(number, fields[1], "item id");
            int rating = file.Integer(number, fields[2], "rating");
            if (rating is < 1 or > 5)
                throw MovieLensDataException.AtLine(file.Name, number, $"rating {rating} is outside 1 to 5 stars");
            if (!long.TryParse(fields[3], System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out long timestamp))
                throw MovieLensDataException.AtLine(file.Name, number, $"timestamp \"{fields[3]}\" is not an integer");
            if (!RatingTimes.IsValid(timestamp))
                throw MovieLensDataException.AtLine(file.Name, number, $"timestamp {timestamp} is not a time between 1970 "
                    + "and 9999 (u.data counts seconds since 1970-01-01 UTC)");
            userIds.Add(fields[0]);
            movieIds.Add(fields[1]);
            stars.Add(rating);
            timestamps.Add(timestamp);
        }
        return new RatingTable([.. userIds], [.. movieIds], [.. stars], [.. timestamps]);
    }
}

/// <summary>
/// Moves whole arrays into and out of DataFrame columns. Building a 100,000-row column value by value costs
/// milliseconds per column; handing the column its bytes and an all-valid null bitmap (the Arrow layout the
/// columns use inside) costs microseconds, which keeps loading MovieLens well under a second.
/// </summary>
internal static class DataFrameArrays
{
    public static SingleDataFrameColumn Single(string name, float[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    public static Int64DataFrameColumn Int64(string name, long[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    public static BooleanDataFrameColumn Boolean(string name, bool[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    /// <summary>The values of a column without missing values, as one array.</summary>
    public static T[] ToArray<T>(PrimitiveDataFrameColumn<T> column) where T : unmanaged
    {
        if (column.NullCount > 0)
        {
            throw new InvalidOperationException($"Column {column.Name} has {column.NullCount} missing values.");
        }
        var values = new T[column.Length];
        int offset = 0;
        foreach (ReadOnlyMemory<T> buffer in column.GetReadOnlyDataBuffers())
        {
            buffer.Span.CopyTo(values.AsSpan(offset));
            offset += buffer.Length;
        }
        return values;
    }

    /// <summary>values[rows[i]] for every i: repeats a small table's values along the rows that refer to it.</summary>
    public static T[] Gather<T>(T[] values, int[] rows)
    {
        var gathered = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            gathered[i] = values[rows[i]];
        }
        return gathered;
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static byte[] AllValid(int length)
    {
        var bitmap = new byte[(length + 7) / 8];
        Array.Fill(bitmap, (byte)0xFF);
        return bitmap;
    }
}

/// <summary>
/// TFDS' <c>bucketized_user_age</c>: MovieLens-100k records exact ages, TFDS replaces each by the largest of the
/// bucket boundaries 1, 18, 25, 35, 45, 50, 56 that does not exceed it (the same ranges MovieLens-1M reports), so
/// 17 → 1, 18 → 18, 24 → 18, 56 → 56, 73 → 56.
/// Source: tensorflow/datasets, <c>tensorflow_datasets/structured/movielens_parsing.py</c>,
/// <c>parse_100k_ratings_data</c> (<c>age_thresholds_list = [18, 25, 35, 45, 50, 56]</c>, starting from 1).
/// </summary>
public static class AgeBuckets
{
    /// <summary>The bucket boundaries in increasing order; every age maps to one of them.</summary>
    public static IReadOnlyList<int> Boundaries { get; } = [1, 18, 25, 35, 45, 50, 56];

    /// <summary>The largest boundary ≤ <paramref name="age"/>; ages below 18 (including 0) fall in bucket 1.</summary>
    public static int Bucketize(int age)
    {
        int bucket = Boundaries[0];
        foreach (int boundary in Boundaries)
        {
            if (age < boundary)
            {
                break;
            }
            bucket = boundary;
        }
        return bucket;
    }
}

/// <summary>
/// TFDS' <c>user_occupation_label</c>: a class label shared by MovieLens-100k and -1M. Its 22 names (in label-index
/// order, which is alphabetical) come from the -1M occupations with both student kinds merged into "student", plus
/// "entertainment" and "librarian" from -100k. The 21 raw -100k occupations map onto 17 of them: "healthcare" joins
/// "doctor", "marketing" joins "salesman", "technician" joins "engineer", "none" joins "other".
/// The raw text stays available as <c>user_occupation_text</c>.
/// Source: tensorflow/datasets, <c>tensorflow_datasets/structured/movielens.py</c> (the <c>ClassLabel</c> names of
/// <c>user_occupation_label</c>) and <c>movielens_parsing.py</c> (<c>occupation_label_conversion_map</c>).
/// </summary>
public static class OccupationLabels
{
    /// <summary>The 22 TFDS label names; a label is an index into this list.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "academic/educator", "artist", "clerical/admin", "customer service", "doctor/health care", "entertainment",
        "executive/managerial", "farmer", "homemaker", "lawyer", "librarian", "other/not specified", "programmer",
        "retired", "sales/marketing", "scientist", "self-employed", "student", "technician/engineer",
        "tradesman/craftsman", "unemployed", "writer",
    ];

    /// <summary>The 21 occupations of MovieLens-100k's <c>u.occupation</c> and the TFDS label name each becomes.</summary>
    public static IReadOnlyDictionary<string, string> LabelNameOfOccupation { get; } = new Dictionary<string, string>
    {
        ["administrator"] = "clerical/admin",
        ["artist"] = "artist",
        ["doctor"] = "doctor/health care",
        ["educator"] = "academic/educator",
        ["engineer"] = "technician/engineer",
        ["entertainment"] = "entertainment",
        ["executive"] = "executive/managerial",
        ["healthcare"] = "doctor/health care",
        ["homemaker"] = "homemaker",
        ["lawyer"] = "lawyer",
        ["librarian"] = "librarian",
        ["marketing"] = "sales/marketing",
        ["none"] = "other/not specified",
        ["other"] = "other/not specified",
        ["programmer"] = "programmer",
        ["retired"] = "retired",
        ["salesman"] = "sales/marketing",
        ["scientist"] = "scientist",
        ["student"] = "student",
        ["technician"] = "technician/engineer",
        ["writer"] = "writer",
    };

    /// <summary>The TFDS label index of a raw MovieLens-100k occupation, or null when it is not one of the 21.</summary>
    public static int? LabelOf(string occupation) =>
        LabelNameOfOccupation.TryGetValue(occupation, out string? name) ? IndexOfName(name) : null;

    /// <summary>The label index of a TFDS label name.</summary>
    public static int IndexOfName(string labelName)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == labelName)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{labelName}' is not a TFDS occupation label.", nameof(labelName));
    }
}
