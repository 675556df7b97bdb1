namespace DeepFm.Notebook.Data;

/// <summary>
/// Every movie's genres as a bag of ids, for the extended schema's genre field: a row-major [movies, Length]
/// matrix of bag ids (<see cref="MovieLensGenres.BagIdOf"/>, 0 = padding) in movie_id vocabulary order, so the movie
/// index of a rating (its <c>movie_id</c> column) is also its row here. Genres belong to the movie, not to the
/// rating, so the model keeps this small table and looks a batch's bags up by movie, as the title could be.
/// </summary>
/// <param name="Ids">The bag ids, [movies, <paramref name="Length"/>] row-major.</param>
/// <param name="Length">The width of a bag: the most genres one movie has (6 in MovieLens-100k).</param>
public sealed record MovieGenreBags(long[] Ids, int Length)
{
    /// <summary>Size of the id space: padding plus the 19 genres.</summary>
    public int VocabularySize => MovieLensGenres.BagVocabularySize;

    /// <summary>Number of movies (rows).</summary>
    public int MovieCount => Ids.Length / Length;

    /// <summary>The bag of the movie with index <paramref name="movie"/>, padded with 0.</summary>
    public ReadOnlySpan<long> BagOf(int movie) => Ids.AsSpan(movie * Length, Length);
}
