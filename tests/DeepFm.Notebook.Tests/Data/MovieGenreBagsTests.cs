using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>The model's genre bags are encoded from the parsed genre indices (<see cref="MovieTable.Genres"/>), the one record of genres.</summary>
public class MovieGenreBagsTests
{
    [Fact]
    public void EncodesGenreIndicesAsPaddedBagIdsOneRowPerMovie()
    {
        // Movies {Action, Comedy}, {} (no genre), {unknown}: bag id = genre index + 1, width = the most genres (2).
        int[][] genres = [[1, 5], [], [0]];

        MovieGenreBags bags = MovieGenreBags.Encode(genres);

        Assert.Equal(2, bags.Length);
        Assert.Equal(3, bags.MovieCount);
        Assert.Equal([2L, 6L, 0L, 0L, 1L, 0L], bags.Ids);
        Assert.Equal(20, bags.VocabularySize);
        Assert.Equal("Comedy", MovieLensGenres.Names[MovieGenreBags.GenreOf(bags.BagOf(0)[1])]);
    }
}
