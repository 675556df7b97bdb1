using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Each movie's genres looked up by movie id: a view of <see cref="MovieTable.Genres"/> (u.item's 19 flags as parsed by
/// the data layer, the one record of genres), just enough to ask whether two movies share a genre. The six-field
/// model never sees genres, which is what makes them a fair yardstick for its embeddings.
/// </summary>
public sealed class MovieGenres
{
    /// <summary>The genres of <c>u.genre</c>, flag by flag (<see cref="MovieLensGenres.Names"/>).</summary>
    public static IReadOnlyList<string> Names => MovieLensGenres.Names;

    private readonly MovieTable movies;
    private readonly Dictionary<string, int> rowOfId;   // movie id → its row in the table

    private MovieGenres(MovieTable movies)
    {
        this.movies = movies;
        rowOfId = new Dictionary<string, int>(movies.Count, StringComparer.Ordinal);
        for (int row = 0; row < movies.Count; row++)
            rowOfId[movies.Ids[row]] = row;
    }

    /// <summary>Number of movies read.</summary>
    public int Count => rowOfId.Count;

    /// <summary>The genres of the movies of <paramref name="data"/>, from the table its loader parsed.</summary>
    public static MovieGenres Load(MovieLens100k data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new MovieGenres(data.MovieTable);
    }

    /// <summary>Parses <c>u.item</c> with the data layer's reader; a malformed line raises <see cref="MovieLensDataException"/>.</summary>
    public static MovieGenres Read(MovieLensTextFile movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        return new MovieGenres(MoviesFileReader.ReadTable(movies));
    }

    /// <summary>The genres of <paramref name="movieId"/> as bits (bit g = <see cref="Names"/>[g]).</summary>
    public int MaskOf(string movieId) => IndicesOf(movieId).Aggregate(0, (mask, genre) => mask | 1 << genre);

    /// <summary>The genre names of <paramref name="movieId"/>, in <see cref="Names"/> order.</summary>
    public IReadOnlyList<string> Of(string movieId) => IndicesOf(movieId).Select(genre => Names[genre]).ToList();

    private int[] IndicesOf(string movieId) =>
        rowOfId.TryGetValue(movieId, out int row)
            ? movies.Genres[row]
            : throw new ArgumentException($"Movie id '{movieId}' is not in u.item.", nameof(movieId));

    /// <summary>True when the two movies have at least one genre in common.</summary>
    public bool ShareAGenre(string movieId, string otherMovieId) => (MaskOf(movieId) & MaskOf(otherMovieId)) != 0;
}
