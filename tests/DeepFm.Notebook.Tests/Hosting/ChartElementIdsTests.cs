using System.Text.RegularExpressions;
using DeepFm.Notebook.Hosting;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>A re-run with the same data rewrites the same chart ids: derived from the chart, not random.</summary>
public sealed partial class ChartElementIdsTests
{
    // A GUID as Plotly.NET writes it, with or without its dashes (the id, and the name of the drawing function).
    [GeneratedRegex("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")]
    private static partial Regex AnyGuid();

    private static GenericChart Line(double last) =>
        Chart.Line<int, double, string>(x: [1, 2, 3], y: [0.6, 0.7, last], Name: "validation AUC");

    [Fact]
    public void TheSameChartRenderedTwiceGetsTheSameIdsAndNoRandomOnes()
    {
        string first = NotebookDisplay.InteractiveHtml(Line(0.75));
        string second = NotebookDisplay.InteractiveHtml(Line(0.75));
        Assert.NotEqual(first, second);   // Plotly.NET draws a new GUID at each rendering

        string stableFirst = ChartElementIds.FromContent(first);
        Assert.Equal(stableFirst, ChartElementIds.FromContent(second));
        Assert.DoesNotMatch(AnyGuid(), stableFirst);
        Assert.Matches("<div id=\"chart-[0-9a-f]{12}\">", stableFirst);
    }

    [Fact]
    public void ADifferentChartGetsADifferentId()
    {
        string id075 = Id(ChartElementIds.FromContent(NotebookDisplay.InteractiveHtml(Line(0.75))));
        string id076 = Id(ChartElementIds.FromContent(NotebookDisplay.InteractiveHtml(Line(0.76))));
        Assert.NotEqual(id075, id076);
    }

    [Fact]
    public void TheSameChartShownTwiceOnOnePageGetsTwoIds()
    {
        // A value no other test draws, so the count starts here.
        string first = Id(ChartElementIds.ForNotebookOutput(NotebookDisplay.InteractiveHtml(Line(0.123456))));
        string second = Id(ChartElementIds.ForNotebookOutput(NotebookDisplay.InteractiveHtml(Line(0.123456))));
        Assert.Equal(first + "-2", second);
    }

    [Fact]
    public void SavedHtmlFilesAreTheSameOnEveryRun()
    {
        string first = ChartPng.ToSelfContainedHtml(Line(0.75));
        Assert.Equal(first, ChartPng.ToSelfContainedHtml(Line(0.75)));
        Assert.DoesNotMatch(AnyGuid(), first);
    }

    private static string Id(string html) => Regex.Match(html, "<div id=\"(?<id>[^\"]+)\"").Groups["id"].Value;
}
