namespace DeepFm.Notebook.Data;

/// <summary>
/// The 19 genres of MovieLens-100k, in the order of <c>u.genre</c> and of the 19 flag columns at the end of each
/// <c>u.item</c> line ("unknown" is genre 0 and flags only movie 267, whose line is otherwise empty). A movie can
/// have several genres: 833 movies have one, 569 two, and one has six. TFDS keeps them as <c>movie_genres</c>, a list
/// of these indices per movie, and so does the data layer: <see cref="MovieTable.Genres"/> is the one per-movie record
/// of genres; the model's padded bags (<see cref="MovieGenreBags"/>) and the evaluation's lookup by movie id
/// (<c>Evaluation.MovieGenres</c>) are built from it.
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
}
