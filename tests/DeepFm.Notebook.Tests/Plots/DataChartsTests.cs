using DeepFm.Notebook.Plots;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Plots;

public sealed class DataChartsTests
{
    [Fact]
    public void ValueCounts_counts_each_value_in_value_order_and_skips_nulls()
    {
        var ratings = new Int32DataFrameColumn("rating", [5, 3, 5, 1, 5, 3, null]);
        var json = new ChartJson(DataCharts.ValueCounts(ratings, title: "Rating distribution"));

        var bars = Assert.Single(json.Traces);
        Assert.Equal("bar", bars.GetProperty("type").GetString());
        Assert.Equal(["1", "3", "5"], ChartJson.Texts(bars, "x"));
        Assert.Equal([1.0, 2.0, 3.0], ChartJson.Numbers(bars, "y"));
        Assert.Equal("Rating distribution", json.Title);
        Assert.Equal("rating", json.AxisTitle("xaxis"));
    }

    [Fact]
    public void ValueCounts_orders_text_values_alphabetically()
    {
        var occupations = new StringDataFrameColumn("occupation", ["writer", "artist", "writer", "doctor"]);
        var bars = Assert.Single(new ChartJson(DataCharts.ValueCounts(occupations)).Traces);

        Assert.Equal(["artist", "doctor", "writer"], ChartJson.Texts(bars, "x"));
        Assert.Equal([1.0, 1.0, 2.0], ChartJson.Numbers(bars, "y"));
    }

    [Fact]
    public void Histogram_carries_the_numeric_values_and_bin_count()
    {
        var ages = new SingleDataFrameColumn("age", [23f, 35f, 35f, 61f]);
        var json = new ChartJson(DataCharts.Histogram(ages, bins: 7));

        var histogram = Assert.Single(json.Traces);
        Assert.Equal("histogram", histogram.GetProperty("type").GetString());
        Assert.Equal([23.0, 35.0, 35.0, 61.0], ChartJson.Numbers(histogram, "x"));
        Assert.Equal(7, histogram.GetProperty("nbinsx").GetInt32());
        Assert.Equal("age", json.AxisTitle("xaxis"));
    }

    [Fact]
    public void Histogram_of_a_text_column_is_refused_with_a_pointer_to_ValueCounts()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataCharts.Histogram(new StringDataFrameColumn("zip", ["02139"])));
        Assert.Contains("ValueCounts", error.Message);
    }

    [Fact]
    public void CountsPerKey_histograms_the_number_of_rows_of_each_key()
    {
        // user 1 rated 3 movies, user 2 one, user 7 two: the histogram is over {3, 1, 2}.
        var userIds = new Int32DataFrameColumn("user_id", [1, 2, 1, 7, 1, 7]);
        var json = new ChartJson(DataCharts.CountsPerKey(userIds));

        var histogram = Assert.Single(json.Traces);
        Assert.Equal([1.0, 2.0, 3.0], ChartJson.Numbers(histogram, "x").Order());
        Assert.Equal("number of user_ids", json.AxisTitle("yaxis"));
    }
}
