using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Plots;

namespace DeepFm.Notebook.Tests.Plots;

public class AblationAndCalibrationChartsTests
{
    [Fact]
    public void AblationPointsAreMeansWithSampleSdErrorBarsReadingTopDown()
    {
        // Recipe "a": 0.76, 0.78 → mean 0.77, sd √((0.01² + 0.01²) / 1) = 0.01414…; "b": one seed, 0.80, sd 0.
        var chart = AblationCharts.TestAuc([("a", [0.76, 0.78]), ("b", [0.80])]);

        var trace = new ChartJson(chart).Trace("test AUC");
        Assert.Equal(["b", "a"], ChartJson.Texts(trace, "y"));   // Plotly draws the first category at the bottom
        Assert.Equal([0.80, 0.77], ChartJson.Numbers(trace, "x").Select(x => Math.Round(x, 10)));
        double[] bars = trace.GetProperty("error_x").GetProperty("array").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([0.0, Math.Round(Math.Sqrt(0.0002), 10)], bars.Select(bar => Math.Round(bar, 10)));
    }

    [Fact]
    public void ReliabilityDrawsEachModelsBinsBesideTheDiagonal()
    {
        var bins = ReliabilityBins.Compute([0.1f, 0.9f], [0f, 1f], bins: 2);

        var json = new ChartJson(CalibrationCharts.Reliability([("model", bins)]));

        Assert.Equal([0.0, 1.0], ChartJson.Numbers(json.Trace("calibrated (diagonal)"), "y"));
        Assert.Equal([0.1, 0.9], ChartJson.Numbers(json.Trace("model"), "x").Select(x => Math.Round(x, 6)));
        Assert.Equal([0.0, 1.0], ChartJson.Numbers(json.Trace("model"), "y"));
    }
}
