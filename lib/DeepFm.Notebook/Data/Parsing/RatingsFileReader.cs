using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Reads <c>u.data</c> (<c>user id \t item id \t rating \t timestamp</c>, one rating a line) into a DataFrame with
/// columns user_id, movie_id, user_rating and timestamp (one row per rating, in file order, so row r is line r + 1).
/// Ids stay strings, as in TFDS, and are joined to <c>u.user</c> and <c>u.item</c> by <see cref="MovieLens100k"/>.
/// </summary>
public static class RatingsFileReader
{
    private const string Layout = "user id, item id, rating, timestamp";

    /// <summary>Parses the file; a malformed line or a rating outside 1–5 raises <see cref="MovieLensDataException"/>.</summary>
    public static DataFrame Read(MovieLensTextFile file)
    {
        RatingTable columns = ReadTable(file);
        return new DataFrame(
            new StringDataFrameColumn(MovieLensColumns.UserId, columns.UserIds),
            new StringDataFrameColumn(MovieLensColumns.MovieId, columns.MovieIds),
            DataFrameArrays.Single(MovieLensColumns.UserRating, columns.Stars),
            DataFrameArrays.Int64(MovieLensColumns.Timestamp, columns.Timestamps));
    }

    /// <summary>
    /// Parses the file into arrays, row r being line r + 1; a malformed line, a rating outside 1–5 or a timestamp
    /// that is not a time raises <see cref="MovieLensDataException"/> naming the line.
    /// </summary>
    public static RatingTable ReadTable(MovieLensTextFile file)
    {
        var userIds = new List<string>(MovieLensFiles.FullRatingCount);
        var movieIds = new List<string>(MovieLensFiles.FullRatingCount);
        var stars = new List<float>(MovieLensFiles.FullRatingCount);
        var timestamps = new List<long>(MovieLensFiles.FullRatingCount);
        // Each id string is created once and shared by all its ratings (943 users, 1,682 movies).
        var idStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        var idLookup = idStrings.GetAlternateLookup<ReadOnlySpan<char>>();
        string Intern(ReadOnlySpan<char> id)
        {
            if (!idLookup.TryGetValue(id, out string? shared))
            {
                shared = id.ToString();
                idStrings[shared] = shared;
            }
            return shared;
        }

        file.ForEachLine((number, line) =>
        {
            Span<Range> fields = stackalloc Range[4];
            file.SplitFields(number, line, '\t', fields, Layout);
            ReadOnlySpan<char> userId = line[fields[0]], movieId = line[fields[1]], timestampText = line[fields[3]];
            file.Integer(number, userId, "user id");
            file.Integer(number, movieId, "item id");
            int rating = file.Integer(number, line[fields[2]], "rating");
            if (rating is < 1 or > 5)
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"rating {rating} is outside 1 to 5 stars");
            }
            if (!long.TryParse(timestampText, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out long timestamp))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"timestamp \"{timestampText}\" is not an integer");
            }
            if (!RatingTimes.IsValid(timestamp))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"timestamp {timestamp} is not a time between 1970 "
                    + "and 9999 (u.data counts seconds since 1970-01-01 UTC)");
            }
            userIds.Add(Intern(userId));
            movieIds.Add(Intern(movieId));
            stars.Add(rating);
            timestamps.Add(timestamp);
        });
        return new RatingTable([.. userIds], [.. movieIds], [.. stars], [.. timestamps]);
    }
}
