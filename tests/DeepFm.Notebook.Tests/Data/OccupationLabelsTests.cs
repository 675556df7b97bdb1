using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

public class OccupationLabelsTests
{
    private static readonly string[] MovieLens100kOccupations =
    [
        "administrator", "artist", "doctor", "educator", "engineer", "entertainment", "executive", "healthcare",
        "homemaker", "lawyer", "librarian", "marketing", "none", "other", "programmer", "retired", "salesman",
        "scientist", "student", "technician", "writer",
    ];

    [Fact]
    public void TwentyTwoLabelsInAlphabeticalOrderLikeTheTfdsClassLabel()
    {
        Assert.Equal(22, OccupationLabels.Names.Count);
        Assert.Equal(OccupationLabels.Names.Order(StringComparer.Ordinal), OccupationLabels.Names);
    }

    [Fact]
    public void AllTwentyOneOccupationsMapOntoSeventeenLabels()
    {
        int?[] labels = MovieLens100kOccupations.Select(OccupationLabels.LabelOf).ToArray();
        Assert.All(labels, label => Assert.NotNull(label));
        Assert.Equal(17, labels.Distinct().Count());
    }

    [Theory]
    [InlineData("administrator", "clerical/admin")]
    [InlineData("doctor", "doctor/health care")]
    [InlineData("healthcare", "doctor/health care")]
    [InlineData("educator", "academic/educator")]
    [InlineData("engineer", "technician/engineer")]
    [InlineData("technician", "technician/engineer")]
    [InlineData("marketing", "sales/marketing")]
    [InlineData("salesman", "sales/marketing")]
    [InlineData("none", "other/not specified")]
    [InlineData("other", "other/not specified")]
    [InlineData("student", "student")]
    [InlineData("writer", "writer")]
    public void OccupationGetsTheTfdsLabel(string occupation, string labelName) =>
        Assert.Equal(OccupationLabels.IndexOfName(labelName), OccupationLabels.LabelOf(occupation));

    [Fact]
    public void UnknownOccupationHasNoLabel() => Assert.Null(OccupationLabels.LabelOf("astronaut"));
}
