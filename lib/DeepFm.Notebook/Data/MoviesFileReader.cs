using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Reads <c>u.item</c> (<c>id|title|release date|video release date|IMDb URL|</c> then 19 genre flags, Latin-1) into a
/// DataFrame with columns movie_id and movie_title (one row per movie, in file order). TFDS also derives
/// <c>movie_genres</c> from the flags; the tutorial's model does not use them, so they are not kept.
/// </summary>
public static class MoviesFileReader
{
    private const int FieldCount = 5 + 19;
    private const string Layout = "id|title|release date|video release date|IMDb URL|19 genre flags";

    /// <summary>Parses the file; a malformed line raises <see cref="MovieLensDataException"/> naming the line.</summary>
    public static DataFrame Read(MovieLensTextFile file)
    {
        var ids = new List<string>();
        var titles = new List<string>();
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
            ids.Add(id);
            titles.Add(fields[1]);
        }
        return new DataFrame(
            new StringDataFrameColumn(MovieLensColumns.MovieId, ids),
            new StringDataFrameColumn(MovieLensColumns.MovieTitle, titles));
    }
}
