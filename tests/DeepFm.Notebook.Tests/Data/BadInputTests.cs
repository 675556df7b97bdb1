using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>Every way the data can be wrong ends in a <see cref="MovieLensDataException"/> that says where and why.</summary>
public class BadInputTests
{
    private static MovieLensDataException LoadFails(MovieLensFixture fixture) =>
        Assert.Throws<MovieLensDataException>(() => MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));

    [Fact]
    public void MissingPathIsNamed()
    {
        using var fixture = new MovieLensFixture();
        string missing = Path.Combine(fixture.Root, "nowhere");
        var error = Assert.Throws<MovieLensDataException>(() => MovieLensFiles.Read(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("DEEPFM_DATA", error.Message);
    }

    [Fact]
    public void FolderWithoutUItemIsNamed()
    {
        using var fixture = new MovieLensFixture();
        string folder = fixture.WriteFolder();
        File.Delete(Path.Combine(folder, "u.item"));
        var error = Assert.Throws<MovieLensDataException>(() => MovieLensFiles.Read(folder));
        Assert.Contains("lacks u.item", error.Message);
    }

    [Fact]
    public void ZipWithoutUDataIsNamed()
    {
        using var fixture = new MovieLensFixture();
        var error = Assert.Throws<MovieLensDataException>(() => MovieLensFiles.Read(fixture.WriteZip(omit: "u.data")));
        Assert.Contains("lacks u.data", error.Message);
    }

    [Fact]
    public void TruncatedZipIsReportedAsCorrupt()
    {
        using var fixture = new MovieLensFixture();
        string zip = fixture.WriteZip();
        byte[] bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<MovieLensDataException>(() => MovieLensFiles.Read(zip));
        Assert.Contains("corrupt or truncated", error.Message);
        Assert.Contains(zip, error.Message);
    }

    [Fact]
    public void FixtureIsNotTheFullDataset()
    {
        using var fixture = new MovieLensFixture();
        MovieLensFiles files = MovieLensFiles.Read(fixture.WriteZip());
        var error = Assert.Throws<MovieLensDataException>(files.RequireFullDataset);
        Assert.Contains("u.data", error.Message);
        Assert.Contains("has 10 lines but MovieLens-100k has 100,000", error.Message);
    }

    [Fact]
    public void MalformedRatingLineIsNamedWithItsNumber()
    {
        using var fixture = new MovieLensFixture();
        fixture.RatingLines[6] = "10 1 3 875071561";
        Assert.Contains("u.data line 7: expected 4 fields", LoadFails(fixture).Message);
    }

    [Fact]
    public void NonNumericFieldIsNamed()
    {
        using var fixture = new MovieLensFixture();
        fixture.UserLines[1] = "2|fifty|F|other|94043";
        Assert.Contains("u.user line 2: age \"fifty\" is not an integer", LoadFails(fixture).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public void RatingOutsideOneToFiveIsRejected(string stars)
    {
        using var fixture = new MovieLensFixture();
        fixture.RatingLines[4] = $"3\t4\t{stars}\t889751712";
        Assert.Contains($"u.data line 5: rating {stars} is outside 1 to 5 stars", LoadFails(fixture).Message);
    }

    [Fact]
    public void UnknownUserInRatingsIsNamed()
    {
        using var fixture = new MovieLensFixture();
        fixture.RatingLines.Add("99\t1\t4\t889751712");
        Assert.Contains("u.data line 11: user id 99 does not appear in u.user", LoadFails(fixture).Message);
    }

    [Fact]
    public void UnknownMovieInRatingsIsNamed()
    {
        using var fixture = new MovieLensFixture();
        fixture.RatingLines[1] = "1\t5\t3\t876893171";
        Assert.Contains("u.data line 2: item id 5 does not appear in u.item", LoadFails(fixture).Message);
    }

    [Fact]
    public void BadGenderOccupationAndDuplicatesAreNamed()
    {
        using (var fixture = new MovieLensFixture())
        {
            fixture.UserLines[0] = "1|24|X|technician|85711";
            Assert.Contains("u.user line 1: gender \"X\" is neither M nor F", LoadFails(fixture).Message);
        }
        using (var fixture = new MovieLensFixture())
        {
            fixture.UserLines[3] = "10|56|F|astronaut|43537";
            Assert.Contains("u.user line 4: occupation \"astronaut\" is not one of the 21", LoadFails(fixture).Message);
        }
        using (var fixture = new MovieLensFixture())
        {
            fixture.MovieLines.Add(MovieLensFixture.Movie(4, "Star Wars again"));
            Assert.Contains("u.item line 6: movie id 4 appears a second time", LoadFails(fixture).Message);
        }
    }

    [Fact]
    public void ErrorsInsideAZipNameTheEntryAndArchive()
    {
        using var fixture = new MovieLensFixture();
        fixture.MovieLines[2] = "3|Metisse (Café au Lait) (1993)";
        string zip = fixture.WriteZip();
        var error = Assert.Throws<MovieLensDataException>(() => MovieLens100k.FromFiles(MovieLensFiles.Read(zip)));
        Assert.Contains($"ml-100k/u.item in {zip} line 3: expected 24 fields", error.Message);
    }
}
