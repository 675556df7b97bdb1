using DeepFm.Notebook.Hosting;

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
    [InlineData("test_auc", 0.78512345678, "0.7851")]
    [InlineData("final_test_loss_mean", 0.4, "0.4000")]
    [InlineData("seconds", 12.3456, "12.3")]
    [InlineData("train seconds", 4.0, "4.0")]
    [InlineData("train_s", 5.0, "5.0")]
    [InlineData("precision@10", 0.069, "0.0690")]
    [InlineData("ndcg@10", 0.15061, "0.1506")]
    public void Columns_named_for_auc_loss_metrics_at_k_or_seconds_get_their_decimals(string column, double value, string expected) =>
        Assert.Equal(expected, TableNumbers.Format(value, column));

    [Fact]
    public void Decimals_can_be_chosen_per_column_name()
    {
        TableNumbers.SetDecimals("similarity (test)", 2);

        Assert.Equal("0.48", TableNumbers.Format(0.4812f, "similarity (test)"));
        Assert.Equal(2, TableNumbers.DecimalsFor("SIMILARITY (TEST)"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TableNumbers.SetDecimals("x", -1));
    }

    [Fact]
    public void Non_numbers_are_written_as_they_are() =>
        Assert.Equal("Star Wars (1977)", TableNumbers.Format("Star Wars (1977)", "movie_title"));
}
