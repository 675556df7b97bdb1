namespace DeepFm.Notebook.Data;

/// <summary>
/// <c>u.item</c> as parsed, one entry per movie in file order: what the features are built from (the DataFrame
/// <see cref="MovieLens100k.Movies"/> is the reader's view of the same rows).
/// </summary>
/// <param name="Ids">The movie ids as written ("242").</param>
/// <param name="Titles">The titles with their year, "Toy Story (1995)".</param>
/// <param name="ReleaseDates">The release dates; null where <c>u.item</c> leaves it empty (movie 267).</param>
/// <param name="Genres">Each movie's genre indices into <see cref="MovieLensGenres.Names"/>, in increasing order.</param>
public sealed record MovieTable(string[] Ids, string[] Titles, DateOnly?[] ReleaseDates, int[][] Genres)
{
    /// <summary>Number of movies.</summary>
    public int Count => Ids.Length;
}
