namespace DeepFm.Notebook.Data;

/// <summary>
/// The 19 genres of MovieLens-100k, in the order of <c>u.genre</c> and of the 19 flag columns at the end of each
/// <c>u.item</c> line ("unknown" is genre 0 and flags only movie 267, whose line is otherwise empty). A movie can
/// have several genres: 833 movies have one, 569 two, and one has six. TFDS keeps them as <c>movie_genres</c>, a list
/// of these indices per movie.
/// </summary>
public static class MovieLensGenres
{
    /// <summary>The genre names; genre g is the g-th flag of a <c>u.item</c> line.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Number of genres (19).</summary>
    public static int Count => Names.Count;

    /// <summary>
    /// Bag id 0 is padding, so genre g is bag id g + 1: a movie's genres become a padded row of ids, the same layout
    /// as a title's tokens, and the model averages the embeddings of the non-padding ids.
    /// </summary>
    public const long PaddingId = 0;

    /// <summary>Size of the genre-bag id space: padding plus the 19 genres.</summary>
    public static int BagVocabularySize => Count + 1;

    /// <summary>The bag id of genre index <paramref name="genre"/> (0 … 18).</summary>
    public static long BagIdOf(int genre) => genre + 1;

    /// <summary>
    /// The genres of many movies as a row-major [movies, length] matrix of bag ids padded with 0, where length is
    /// the largest number of genres of one movie (6 in MovieLens-100k).
    /// </summary>
    public static long[] EncodeBags(IReadOnlyList<IReadOnlyList<int>> genresOfMovies, out int length)
    {
        length = Math.Max(1, genresOfMovies.Select(genres => genres.Count).DefaultIfEmpty(0).Max());
        var bags = new long[genresOfMovies.Count * length];
        for (int movie = 0; movie < genresOfMovies.Count; movie++)
        {
            IReadOnlyList<int> genres = genresOfMovies[movie];
            for (int i = 0; i < genres.Count; i++)
            {
                bags[movie * length + i] = BagIdOf(genres[i]);
            }
        }
        return bags;
    }
}
