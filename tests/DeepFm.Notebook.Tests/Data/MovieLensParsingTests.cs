using DeepFm.Notebook.Data;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Data;

public class MovieLensParsingTests
{
    [Fact]
    public void FolderParsesIntoTfdsShapedDataFrames()
    {
        using var fixture = new MovieLensFixture();
        MovieLens100k data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));

        Assert.Equal(4, data.Users.Rows.Count);
        Assert.Equal(5, data.Movies.Rows.Count);
        Assert.Equal(10, data.Ratings.Rows.Count);
        Assert.Equal(
            ["user_id", "user_gender", "bucketized_user_age", "raw_user_age", "user_occupation_label", "user_occupation_text",
             "user_zip_code", "movie_id", "movie_title", "user_rating", "timestamp", "label"],
            data.Ratings.Columns.Select(column => column.Name));

        // Row 3 is u.data line 4: user 2 (53, F, other) gave movie 3 one star.
        DataFrameRow row = data.Ratings.Rows[3];
        Assert.Equal("2", row[MovieLensColumns.UserId]);
        Assert.Equal(false, row[MovieLensColumns.UserGender]);
        Assert.Equal(50f, row[MovieLensColumns.BucketizedUserAge]);
        Assert.Equal(53f, row[MovieLensColumns.RawUserAge]);
        Assert.Equal((long)OccupationLabels.IndexOfName("other/not specified"), row[MovieLensColumns.UserOccupationLabel]);
        Assert.Equal("other", row[MovieLensColumns.UserOccupationText]);
        Assert.Equal("94043", row[MovieLensColumns.UserZipCode]);
        Assert.Equal("3", row[MovieLensColumns.MovieId]);
        Assert.Equal("Metisse (Café au Lait) (1993)", row[MovieLensColumns.MovieTitle]);
        Assert.Equal(1f, row[MovieLensColumns.UserRating]);
        Assert.Equal(876893119L, row[MovieLensColumns.Timestamp]);
        Assert.Equal(0f, row[MovieLensColumns.Label]);
    }

    [Fact]
    public void LabelIsOneExactlyForFourAndFiveStars()
    {
        using var fixture = new MovieLensFixture();
        MovieLens100k data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        float[] stars = data.Ratings.Columns.GetSingleColumn(MovieLensColumns.UserRating).Select(v => v!.Value).ToArray();
        float[] labels = data.Ratings.Columns.GetSingleColumn(MovieLensColumns.Label).Select(v => v!.Value).ToArray();
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 0f, 0f, 1f, 1f, 1f], labels);
        Assert.All(stars.Zip(labels), pair => Assert.Equal(pair.First > 3 ? 1f : 0f, pair.Second));
    }

    [Fact]
    public void Latin1TitlesAreDecodedFromSingleBytes()
    {
        using var fixture = new MovieLensFixture();
        string folder = fixture.WriteFolder();
        byte[] raw = File.ReadAllBytes(Path.Combine(folder, "u.item"));
        Assert.Contains((byte)0xE9, raw); // "é" is one byte in the file, as in GroupLens' u.item

        MovieLens100k data = MovieLens100k.FromFiles(MovieLensFiles.Read(folder));
        StringDataFrameColumn titles = data.Movies.Columns.GetStringColumn(MovieLensColumns.MovieTitle);
        Assert.Equal("Metisse (Café au Lait) (1993)", titles[2]);
        Assert.Equal("Á köldum klaka (Cold Fever) (1994)", titles[4]);
    }

    [Fact]
    public void ZipNestedZipFlatFolderAndParentFolderReadAlike()
    {
        using var fixture = new MovieLensFixture();
        string folder = fixture.WriteFolder();
        string[] sources = [folder, fixture.Root, fixture.WriteZip(), fixture.WriteZip("flat.zip", entryFolder: "")];
        var titlesBySource = sources
            .Select(source => MovieLens100k.FromFiles(MovieLensFiles.Read(source)))
            .Select(data => string.Join("/", data.Ratings.Columns.GetStringColumn(MovieLensColumns.MovieTitle)))
            .ToArray();
        Assert.All(titlesBySource, titles => Assert.Equal(titlesBySource[0], titles));
        Assert.Contains("Café", titlesBySource[0]);
    }

    [Fact]
    public void UsersTableHoldsTfdsDemographics()
    {
        using var fixture = new MovieLensFixture();
        DataFrame users = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())).Users;
        Assert.Equal(["1", "2", "3", "10"], users.Columns.GetStringColumn(MovieLensColumns.UserId));
        Assert.Equal([true, false, true, false], users.Columns.GetBooleanColumn(MovieLensColumns.UserGender).Select(v => v!.Value));
        Assert.Equal([18f, 50f, 1f, 56f], users.Columns.GetSingleColumn(MovieLensColumns.BucketizedUserAge).Select(v => v!.Value));
        string[] labelNames = users.Columns.GetInt64Column(MovieLensColumns.UserOccupationLabel)
            .Select(v => OccupationLabels.Names[(int)v!.Value]).ToArray();
        Assert.Equal(["technician/engineer", "other/not specified", "student", "doctor/health care"], labelNames);
    }
}
