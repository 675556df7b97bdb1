using DeepFm.Notebook.Data;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>The reader's tables of what was encoded: every field, and one rating field by field.</summary>
public class FeatureTablesTests
{
    [Fact]
    public void FieldsListEveryFieldWithItsValues()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: ExtraFields.All);
        DataFrame fields = FeatureTables.Fields(features, shown: 3);
        Assert.Equal([.. features.Schema.DenseFieldNames], fields.Columns.GetStringColumn("field"));
        Assert.Equal("Mon, Tue, Wed, …", fields.Columns.GetStringColumn("first values")[8]);   // rating_weekday
        Assert.Equal("bag of genres", fields.Columns.GetStringColumn("kind")[11]);
    }

    [Fact]
    public void RatingShowsValuesAndIndices()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: ExtraFields.All);
        DataFrame rating = FeatureTables.Rating(features, 4);   // u.data line 5: user 3 rates Star Wars
        StringDataFrameColumn values = rating.Columns.GetStringColumn("value");
        Assert.Equal("3", values[0]);
        Assert.Equal("1970s", values[6]);
        Assert.Equal("star wars 1977", values[10]);
        Assert.Equal("Action, Adventure, Romance, Sci-Fi, War", values[11]);
        Assert.Equal("2, 3, 15, 16, 18", rating.Columns.GetStringColumn("encoded as")[11]);
    }
}
