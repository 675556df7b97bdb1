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
        var userIds = new List<string>(MovieLensFiles.FullRatingCount);
        var movieIds = new List<string>(MovieLensFiles.FullRatingCount);
        var ratings = new List<float>(MovieLensFiles.FullRatingCount);
        var timestamps = new List<long>(MovieLensFiles.FullRatingCount);
        foreach ((int number, string line) in file.Lines())
        {
            string[] fields = file.Fields(number, line, '\t', 4, Layout);
            file.Integer(number, fields[0], "user id");
            file.Integer(number, fields[1], "item id");
            int rating = file.Integer(number, fields[2], "rating");
            if (rating is < 1 or > 5)
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"rating {rating} is outside 1 to 5 stars");
            }
            if (!long.TryParse(fields[3], System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out long timestamp))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"timestamp \"{fields[3]}\" is not an integer");
            }
            userIds.Add(fields[0]);
            movieIds.Add(fields[1]);
            ratings.Add(rating);
            timestamps.Add(timestamp);
        }
        return new DataFrame(
            new StringDataFrameColumn(MovieLensColumns.UserId, userIds),
            new StringDataFrameColumn(MovieLensColumns.MovieId, movieIds),
            new SingleDataFrameColumn(MovieLensColumns.UserRating, ratings),
            new Int64DataFrameColumn(MovieLensColumns.Timestamp, timestamps));
    }
}
