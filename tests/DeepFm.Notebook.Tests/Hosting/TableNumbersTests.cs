using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Hosting;

public sealed class TableNumbersTests
{
    [Theory]
    [InlineData(0.6931471805599453, "0.6931")]
    [InlineData(4.0511736115234434E-05, "0.00004051")]
    [InlineData(0.012345678, "0.01235")]
    [InlineData(123.456789, "123.4568")]
    [InlineData(84832.0, "84832")]
    [InlineData(0.0, "0")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(double.NaN, "NaN")]
    public void Numbers_keep_at_most_four_significant_decimals_in_fixed_notation(double value, string expected) =>
        Assert.Equal(expected, TableNumbers.Format(value));

    [Theory]
    [InlineData(0.069, 4, "0.0690")]
    [InlineData(0.78512345678, 4, "0.7851")]
    [InlineData(12.3456, 1, "12.3")]
    [InlineData(5.0, 1, "5.0")]
    [InlineData(0.4, 2, "0.40")]
    [InlineData(84832.4, 0, "84832")]
    public void A_decimals_column_writes_exactly_its_decimals(double value, int decimals, string expected)
    {
        var column = new DecimalsColumn("any name", [value], decimals);

        Assert.Equal(expected, TableNumbers.Format(column[0], column));
    }

    [Theory]
    [InlineData("test_auc", 0.4, "0.4")]
    [InlineData("final_test_loss_mean", 0.78512345678, "0.7851")]
    [InlineData("precision@10", 0.069, "0.069")]
    [InlineData("train_s", 5.0, "5")]
    [InlineData("seconds", 12.3456, "12.3456")]
    public void A_column_name_chooses_no_format(string name, double value, string expected)
    {
        var column = new DoubleDataFrameColumn(name, [value]);

        Assert.Equal(expected, TableNumbers.Format(column[0], column));
    }

    [Fact]
    public void A_missing_value_is_an_empty_cell()
    {
        var column = new DecimalsColumn("test AUC", [0.5, null], decimals: 4);

        Assert.Equal(["0.5000", ""], [TableNumbers.Format(column[0], column), TableNumbers.Format(column[1], column)]);
    }

    [Fact]
    public void Non_numbers_are_written_as_they_are() =>
        Assert.Equal("Star Wars (1977)", TableNumbers.Format("Star Wars (1977)", new StringDataFrameColumn("movie_title", 1)));
}
