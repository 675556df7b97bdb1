using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// Bad values in the columns the extra fields read: a value that is merely missing goes to an explicit bucket
/// ("unknown" year, "other" zip prefix); a value that is there but unusable stops the load with the file and line.
/// </summary>
public class ExtraFieldBadInputTests
{
    private static MovieLensDataException LoadFails(MovieLensFixture fixture) =>
        Assert.Throws<MovieLensDataException>(() => MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));

    private static MovieLensFeatures Build(MovieLensFixture fixture) =>
        MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: ExtraFields.All);

    [Fact]
    public void MissingReleaseDateGoesToTheUnknownBucket()
    {
        using var fixture = new MovieLensFixture();
        fixture.MovieLines[3] = MovieLensFixture.Movie(4, "Star Wars (1977)", releaseDate: "", "Action");   // like movie 267
        MovieLensFeatures features = Build(fixture);
        int column = features.Schema.CategoricalFields.ToList().FindIndex(field => field.Name == MovieLensColumns.MovieReleaseYear);
        Assert.Equal(0, features.Ratings.CategoricalRow(4)[column]);   // u.data line 5 rates movie 4
        Assert.Equal("unknown", features.Vocabulary(MovieLensColumns.MovieReleaseYear).LabelOf(0));
    }

    [Theory]
    [InlineData("32-Jan-1995")]
    [InlineData("01-Foo-1995")]
    [InlineData("1995")]
    [InlineData("1995-01-01")]
    public void UnreadableReleaseDateIsNamedWithItsLine(string date)
    {
        using var fixture = new MovieLensFixture();
        fixture.MovieLines[1] = MovieLensFixture.Movie(2, "Schindler's List (1993)", date, "Drama");
        Assert.Contains($"u.item line 2: release date \"{date}\" is not a date like 01-Jan-1995", LoadFails(fixture).Message);
    }

    [Fact]
    public void GenreFlagOtherThanZeroOrOneIsNamed()
    {
        using var fixture = new MovieLensFixture();
        fixture.MovieLines[2] = fixture.MovieLines[2][..^1] + "x";   // the last flag, Western
        Assert.Contains("u.item line 3: genre flag 19 (Western) is \"x\", not 0 or 1", LoadFails(fixture).Message);
    }

    [Fact]
    public void MalformedAndForeignZipCodesGoToOther()
    {
        using var fixture = new MovieLensFixture();
        fixture.UserLines[0] = "1|24|M|technician|L9G2B";   // Canadian
        fixture.UserLines[1] = "2|53|F|other|9404";         // a digit short
        fixture.UserLines[2] = "3|17|M|student|";           // missing
        MovieLensFeatures features = Build(fixture);
        IFeatureVocabulary prefixes = features.Vocabulary(MovieLensColumns.UserZipPrefix);
        Assert.Equal(["4", "other"], Enumerable.Range(0, prefixes.Count).Select(prefixes.LabelOf));
        int column = features.Schema.CategoricalFields.ToList().FindIndex(field => field.Name == MovieLensColumns.UserZipPrefix);
        long[] perRating = Enumerable.Range(0, features.Ratings.Count).Select(row => features.Ratings.CategoricalRow(row)[column]).ToArray();
        Assert.Equal([1L, 1, 1, 1, 1, 1, 0, 0, 0, 1], perRating);   // only user 10 (43537) keeps a digit
    }

    [Theory]
    [InlineData("-5", "timestamp -5 is not a time between 1970 and 9999")]
    [InlineData("999999999999", "timestamp 999999999999 is not a time between 1970 and 9999")]
    [InlineData("87496575x", "timestamp \"87496575x\" is not an integer")]
    [InlineData("8.7e8", "timestamp \"8.7e8\" is not an integer")]
    public void UnusableTimestampIsNamedWithItsLine(string timestamp, string problem)
    {
        using var fixture = new MovieLensFixture();
        fixture.RatingLines[2] = $"2\t1\t4\t{timestamp}";
        Assert.Contains($"u.data line 3: {problem}", LoadFails(fixture).Message);
    }
}
