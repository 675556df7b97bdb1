using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Reads <c>u.item</c> (<c>id|title|release date|video release date|IMDb URL|</c> then 19 genre flags) into a
/// <see cref="MovieTable"/>: ids, titles, release dates (see <see cref="ReleaseDates"/>) and genres (see
/// <see cref="MovieLensGenres"/>). <see cref="Read"/> gives the reader's DataFrame: movie_id and movie_title, one row
/// per movie in file order, which is all the original tutorial uses.
/// </summary>
public static class MoviesFileReader
{
    private const int FieldCount = 5 + 19;
    private const int FirstGenreField = 5;
    private const string Layout = "id|title|release date|video release date|IMDb URL|19 genre flags";

    /// <summary>The movie_id and movie_title DataFrame; a malformed line raises <see cref="MovieLensDataException"/>.</summary>
    public static DataFrame Read(MovieLensTextFile file) => ToDataFrame(ReadTable(file));

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
