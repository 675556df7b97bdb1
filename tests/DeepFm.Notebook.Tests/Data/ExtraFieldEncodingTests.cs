using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// The fields the original leaves out, encoded on the fixture (10 ratings of 5 movies by 4 users): genre bags,
/// release-year buckets, rating-time features and zip prefixes, each checked against hand-worked values.
/// </summary>
public class ExtraFieldEncodingTests
{
    private static MovieLensFeatures Build(MovieLensFixture fixture, ExtraFields extras) =>
        MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: extras);

    // The label of rating `row`'s value of field `name`.
    private static string ValueOf(MovieLensFeatures features, int row, string name)
    {
        int column = features.CategoricalVocabularies.ToList().FindIndex(vocabulary => vocabulary.Name == name);
        Assert.True(column >= 0, $"no field {name}");
        return features.CategoricalVocabularies[column].LabelOf((int)features.Ratings.CategoricalRow(row)[column]);
    }

    [Fact]
    public void DefaultIsTheOriginalSchema()
    {
        using var fixture = new MovieLensFixture();
        MovieLensFeatures original = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        Assert.Equal(MovieLensColumns.CategoricalFields, original.Schema.CategoricalFields.Select(field => field.Name));
        Assert.True(original.Extras.IsNone);
        Assert.Null(original.GenreBags);

        // Extra fields come after the original five, which keep their columns and indices.
        MovieLensFeatures extended = Build(fixture, ExtraFields.All);
        Assert.Equal(
            [.. MovieLensColumns.CategoricalFields, "user_zip_prefix", "movie_release_year", "rating_year_month", "rating_weekday", "rating_hour"],
            extended.Schema.CategoricalFields.Select(field => field.Name));
        for (int row = 0; row < original.Ratings.Count; row++)
            Assert.Equal(original.Ratings.CategoricalRow(row).ToArray(), extended.Ratings.CategoricalRow(row)[..5].ToArray());
    }

    [Fact]
    public void GenresBecomePaddedBagsInMovieVocabularyOrder()
    {
        using var fixture = new MovieLensFixture();
        MovieLensFeatures features = Build(fixture, new ExtraFields { Genres = true });

        // Movie vocabulary order is "1", "2", "20", "3", "4"; bag id = genre index + 1 (u.genre: Action 1 … War 17).
        Assert.Equal(["1", "2", "20", "3", "4"], features.MovieIds.Values);
        Assert.Equal(5, features.GenreBags!.Length); // Star Wars has five genres
        long[][] bags = features.GenreBags!.Ids.Chunk(5).ToArray();
        Assert.Equal([4L, 5, 6, 0, 0], bags[0]);     // Toy Story: Animation, Children's, Comedy
        Assert.Equal([9L, 18, 0, 0, 0], bags[1]);    // Schindler's List: Drama, War
        Assert.Equal([6L, 9, 0, 0, 0], bags[2]);     // Cold Fever: Comedy, Drama
        Assert.Equal([6L, 0, 0, 0, 0], bags[3]);     // Metisse: Comedy
        Assert.Equal([2L, 3, 15, 16, 18], bags[4]);  // Star Wars: Action, Adventure, Romance, Sci-Fi, War
        // Genres are a dense bag like the title, not a categorical column.
        Assert.Equal(5, features.Schema.CategoricalFieldCount);
    }

    [Fact]
    public void GenreTableListsEachMoviesGenres()
    {
        using var fixture = new MovieLensFixture();
        MovieTable movies = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())).MovieTable;
        Assert.Equal(["Action", "Adventure", "Romance", "Sci-Fi", "War"], movies.Genres[3].Select(genre => MovieLensGenres.Names[genre]));
        Assert.Equal(new DateOnly(1996, 3, 8), movies.ReleaseDates[4]);
    }

    [Fact]
    public void ReleaseYearsFallInTheirBuckets()
    {
        using var fixture = new MovieLensFixture();
        MovieLensFeatures features = Build(fixture, new ExtraFields { ReleaseYear = true });
        Assert.Equal(ReleaseDates.BucketLabels, Enumerable.Range(0, 16).Select(features.Vocabulary("movie_release_year").LabelOf));
        Assert.Equal("1995", ValueOf(features, 0, "movie_release_year"));   // Toy Story
        Assert.Equal("1993", ValueOf(features, 1, "movie_release_year"));   // Schindler's List
        Assert.Equal("1970s", ValueOf(features, 4, "movie_release_year"));  // Star Wars
        Assert.Equal("1996", ValueOf(features, 5, "movie_release_year"));   // Cold Fever, 08-Mar-1996
    }

    [Theory]
    [InlineData(1922, "before 1940")]
    [InlineData(1939, "before 1940")]
    [InlineData(1940, "1940s")]
    [InlineData(1989, "1980s")]
    [InlineData(1990, "1990")]
    [InlineData(1997, "1997")]
    [InlineData(1998, "1998+")]
    [InlineData(2005, "1998+")]
    public void YearBucketBoundaries(int year, string bucket) =>
        Assert.Equal(bucket, ReleaseDates.BucketOf(new DateOnly(year, 6, 1)));

    [Fact]
    public void ReleaseDatesParseBothDayWidths()
    {
        Assert.True(ReleaseDates.TryParse("4-Feb-1971", out DateOnly? oneDigit));    // as u.item writes movie 1373
        Assert.Equal(new DateOnly(1971, 2, 4), oneDigit);
        Assert.True(ReleaseDates.TryParse("01-Jan-1995", out DateOnly? twoDigits));
        Assert.Equal(new DateOnly(1995, 1, 1), twoDigits);
        Assert.True(ReleaseDates.TryParse("", out DateOnly? missing));
        Assert.Null(missing);
        Assert.Equal("unknown", ReleaseDates.BucketOf(missing));
    }

    [Fact]
    public void RatingTimesAreYearMonthWeekdayAndHourInUtc()
    {
        using var fixture = new MovieLensFixture();
        MovieLensFeatures features = Build(fixture, new ExtraFields { RatingYearMonth = true, RatingWeekday = true, RatingHour = true });
        // u.data line 1: 874965758 = Monday 22 September 1997, 22:02:38 UTC.
        Assert.Equal("1997-09", ValueOf(features, 0, "rating_year_month"));
        Assert.Equal("Mon", ValueOf(features, 0, "rating_weekday"));
        Assert.Equal("22", ValueOf(features, 0, "rating_hour"));
        // Line 6: 887431973 = Saturday 14 February 1998, 04:52:53 UTC.
        Assert.Equal("1998-02", ValueOf(features, 5, "rating_year_month"));
        Assert.Equal("Sat", ValueOf(features, 5, "rating_weekday"));
        Assert.Equal("4", ValueOf(features, 5, "rating_hour"));
        // Year-months are the months the ratings span, sorted; weekdays and hours are fixed vocabularies.
        Assert.Equal(["1997-09", "1997-10", "1997-11", "1998-02", "1998-03"],
            Enumerable.Range(0, 5).Select(features.Vocabulary("rating_year_month").LabelOf));
        Assert.Equal(7, features.Vocabulary("rating_weekday").Count);
        Assert.Equal(24, features.Vocabulary("rating_hour").Count);
    }

    [Fact]
    public void ZipPrefixesTakeLeadingDigitsAndKeepOther()
    {
        using var fixture = new MovieLensFixture();
        fixture.UserLines[2] = "3|17|M|student|T8H1N";   // a Canadian postal code, as in the real u.user
        MovieLensFeatures oneDigit = Build(fixture, new ExtraFields { ZipPrefixDigits = 1 });
        Assert.Equal(["4", "8", "9", "other"], Enumerable.Range(0, 4).Select(oneDigit.Vocabulary("user_zip_prefix").LabelOf));
        Assert.Equal("8", ValueOf(oneDigit, 0, "user_zip_prefix"));       // user 1, 85711
        Assert.Equal("other", ValueOf(oneDigit, 4, "user_zip_prefix"));   // user 3, T8H1N
        MovieLensFeatures threeDigits = Build(fixture, new ExtraFields { ZipPrefixDigits = 3 });
        Assert.Equal("940", ValueOf(threeDigits, 2, "user_zip_prefix"));  // user 2, 94043
        Assert.Equal("435", ValueOf(threeDigits, 6, "user_zip_prefix"));  // user 10, 43537
    }

    [Theory]
    [InlineData("85711", 1, "8")]
    [InlineData("85711", 3, "857")]
    [InlineData("12345-6789", 3, "123")]
    [InlineData(" 02139 ", 1, "0")]
    [InlineData("T8H1N", 1, "other")]
    [InlineData("L9G2B", 3, "other")]
    [InlineData("1234", 1, "other")]
    [InlineData("123456", 1, "other")]
    [InlineData("", 1, "other")]
    [InlineData("00000-12", 1, "other")]
    public void ZipPrefixOfEachKindOfCode(string zipCode, int digits, string prefix) =>
        Assert.Equal(prefix, ZipCodePrefixes.PrefixOf(zipCode, digits));

    [Fact]
    public void ExtraFieldsNameWhatIsOn()
    {
        Assert.Equal("none", ExtraFields.None.ToString());
        Assert.Equal("movie_genres + rating_weekday", new ExtraFields { Genres = true, RatingWeekday = true }.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtraFields { ZipPrefixDigits = 6 }.Validate());
    }
}
