using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// The 19 genre flags of <c>u.item</c> (the last 19 fields of a line, in the order of <c>u.genre</c>), kept per
/// movie id as a bit mask — just enough to ask whether two movies share a genre. The model never sees genres, which
/// is what makes them a fair yardstick for its embeddings.
/// </summary>
/// <remarks>
/// A minimal reader for the evaluation; when the data layer exposes genres itself, this class can read them from
/// there instead.
/// </remarks>
public sealed class MovieGenres
{
    /// <summary>The genres of <c>u.genre</c>, flag by flag.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    private const int LeadingFields = 5;   // id|title|release date|video release date|IMDb URL
    private readonly Dictionary<string, int> masks;

    private MovieGenres(Dictionary<string, int> masks) => this.masks = masks;

    /// <summary>Number of movies read.</summary>
    public int Count => masks.Count;

    /// <summary>Reads the genres of the movies of <paramref name="data"/> from the files it was loaded from.</summary>
    public static MovieGenres Load(MovieLens100k data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Read(MovieLensFiles.Read(data.Source).Movies);
    }

    /// <summary>Parses <c>u.item</c>; a line without the 19 flags raises <see cref="MovieLensDataException"/>.</summary>
    public static MovieGenres Read(MovieLensTextFile movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int number, string line) in movies.Lines())
        {
            string[] fields = movies.Fields(number, line, '|', LeadingFields + Names.Count,
                "id|title|release date|video release date|IMDb URL|19 genre flags");
            int mask = 0;
            for (int genre = 0; genre < Names.Count; genre++)
            {
                if (movies.Integer(number, fields[LeadingFields + genre], "genre flag") == 1) mask |= 1 << genre;
            }
            masks[fields[0]] = mask;
        }
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
