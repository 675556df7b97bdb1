using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace DeepFm.Notebook.Plots;

/// <summary>
/// The finishing touches every chart of this package shares: a title and the two axis labels. Plotly.NET's title
/// helper is an F# curried function, so it is wrapped here once instead of at every call site.
/// </summary>
internal static class ChartStyle
{
    public static GenericChart WithTitles(this GenericChart chart, string title, string xLabel, string yLabel)
    {
        GenericChart titled = Chart.withTitle(title, null).Invoke(chart);
        titled = CS.GenericChartExtensions.WithXAxisStyle<double, double, string>(titled, TitleText: xLabel);
        return CS.GenericChartExtensions.WithYAxisStyle<double, double, string>(titled, TitleText: yLabel);
    }

    /// <summary>One named line; markers on when the points are sparse enough to be worth seeing one by one.</summary>
    public static GenericChart NamedLine(IEnumerable<int> x, IEnumerable<double> y, string name, bool showMarkers) =>
        CS.Chart.Line<int, double, string>(x, y, ShowMarkers: showMarkers, Name: name, ShowLegend: true);
}
