using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Each movie's genres (u.item's 19 flags, parsed by the data layer into <see cref="MovieTable.Genres"/>) kept as a
/// bit mask per movie id — just enough to ask whether two movies share a genre. The six-field model never sees
/// genres, which is what makes them a fair yardstick for its embeddings.
/// </summary>
public sealed class MovieGenres
{
    /// <summary>The genres of <c>u.genre</c>, flag by flag (<see cref="MovieLensGenres.Names"/>).</summary>
    public static IReadOnlyList<string> Names => MovieLensGenres.Names;

    private readonly Dictionary<string, int> masks;

    private MovieGenres(Dictionary<string, int> masks) => this.masks = masks;

    /// <summary>Number of movies read.</summary>
    public int Count => masks.Count;

    /// <summary>The genres of the movies of <paramref name="data"/>, from the table its loader parsed.</summary>
    public static MovieGenres Load(MovieLens100k data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromTable(data.MovieTable);
    }

    /// <summary>Parses <c>u.item</c> with the data layer's reader; a malformed line raises <see cref="MovieLensDataException"/>.</summary>
    public static MovieGenres Read(MovieLensTextFile movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        return FromTable(MoviesFileReader.ReadTable(movies));
    }

    private static MovieGenres FromTable(MovieTable movies)
    {
        var masks = new Dictionary<string, int>(movies.Count, StringComparer.Ordinal);
        for (int movie = 0; movie < movies.Count; movie++)
            masks[movies.Ids[movie]] = movies.Genres[movie].Aggregate(0, (mask, genre) => mask | 1 << genre);
        return new MovieGenres(masks);
    }

    /// <summary>The genres of <paramref name="movieId"/> as bits (bit g = <see cref="Names"/>[g]).</summary>
    public int MaskOf(string movieId) =>
        masks.TryGetValue(movieId, out int mask)
            ? mask
            : throw new ArgumentException($"Movie id '{movieId}' is not in u.item.", nameof(movieId));

    /// <summary>The genre names of <paramref name="movieId"/>.</summary>
    public IReadOnlyList<string> Of(string movieId)
    {
        int mask = MaskOf(movieId);
        return Enumerable.Range(0, Names.Count).Where(genre => (mask & (1 << genre)) != 0).Select(genre => Names[genre]).ToList();
    }

    /// <summary>True when the two movies have at least one genre in common.</summary>
    public bool ShareAGenre(string movieId, string otherMovieId) => (MaskOf(movieId) & MaskOf(otherMovieId)) != 0;
}
