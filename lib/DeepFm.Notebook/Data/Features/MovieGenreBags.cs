namespace DeepFm.Notebook.Data;

/// <summary>
/// Every movie's genres as a bag of ids, for the extended schema's genre field: a row-major [movies, Length]
/// matrix of bag ids (<see cref="BagIdOf"/>, 0 = padding) in movie_id vocabulary order, so the movie
/// index of a rating (its <c>movie_id</c> column) is also its row here. Genres belong to the movie, not to the
/// rating, so the model keeps this small table and looks a batch's bags up by movie, as the title could be.
/// </summary>
/// <param name="Ids">The bag ids, [movies, <paramref name="Length"/>] row-major.</param>
/// <param name="Length">The width of a bag: the most genres one movie has (6 in MovieLens-100k).</param>
public sealed record MovieGenreBags(long[] Ids, int Length)
{
    /// <summary>
    /// Bag id 0 is padding, so genre g is bag id g + 1: a movie's genres become a padded row of ids, the same layout
    /// as a title's tokens, and the model averages the embeddings of the non-padding ids.
    /// </summary>
    public const long PaddingId = 0;

    /// <summary>Size of the id space: padding plus the 19 genres.</summary>
    public int VocabularySize => MovieLensGenres.Count + 1;

    /// <summary>The bag id of genre index <paramref name="genre"/> (0 … 18).</summary>
    public static long BagIdOf(int genre) => genre + 1;

    /// <summary>The genre index (into <see cref="MovieLensGenres.Names"/>) of a non-padding bag id.</summary>
    public static int GenreOf(long bagId) => (int)bagId - 1;

    /// <summary>
    /// The bags of <paramref name="genresOfMovies"/> (genre indices per movie, as in <see cref="MovieTable.Genres"/>),
    /// one row per movie in the given order, padded with 0 to the largest number of genres of one movie
    /// (6 in MovieLens-100k).
    /// </summary>
    public static MovieGenreBags Encode(IReadOnlyList<IReadOnlyList<int>> genresOfMovies)
    {
        ArgumentNullException.ThrowIfNull(genresOfMovies);
        int length = Math.Max(1, genresOfMovies.Select(genres => genres.Count).DefaultIfEmpty(0).Max());
        var bags = new long[genresOfMovies.Count * length];
        for (int movie = 0; movie < genresOfMovies.Count; movie++)
        {
            IReadOnlyList<int> genres = genresOfMovies[movie];
            for (int i = 0; i < genres.Count; i++)
                bags[movie * length + i] = BagIdOf(genres[i]);
        }
        return new MovieGenreBags(bags, length);
    }

    /// <summary>Number of movies (rows).</summary>
    public int MovieCount => Ids.Length / Length;

    /// <summary>The bag of the movie with index <paramref name="movie"/>, padded with 0.</summary>
    public ReadOnlySpan<long> BagOf(int movie) => Ids.AsSpan(movie * Length, Length);
}
