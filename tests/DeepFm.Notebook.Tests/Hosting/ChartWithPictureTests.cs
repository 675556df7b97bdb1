using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>The chart's HTML carries its static picture until plotly.js draws, and only then removes it.</summary>
public sealed class ChartWithPictureTests
{
    // The shape of Plotly.NET 6's GenericChart.toChartHTML, cut down to what matters.
    private const string ChartHtml =
        "<div><div id=\"abc-1\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">\n" +
        "var renderPlotly_abc1 = function() {\n    require(['plotly'], function(Plotly) {\n" +
        "        var data = [];\n        Plotly.newPlot('abc-1', data, layout, config);\n    });\n};\n</script></div>";

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];

    [Fact]
    public void The_picture_sits_inside_the_chart_div()
    {
        var html = ChartWithPicture.Compose(ChartHtml, Png, 600, 400);

        Assert.Contains($"<div id=\"abc-1\"><img src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\" width=\"600\" height=\"400\"", html);
        Assert.DoesNotContain("Plotly chart will be drawn inside this DIV", html);
    }

    [Fact]
    public void The_drawing_code_empties_the_div_right_before_it_draws()
    {
        var html = ChartWithPicture.Compose(ChartHtml, Png, 600, 400);

        Assert.Contains("document.getElementById('abc-1').replaceChildren(); Plotly.newPlot('abc-1',", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "replaceChildren"));
    }

    [Fact]
    public void A_real_chart_loads_plotly_with_require_and_is_emptied_only_once_plotly_has_loaded()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, double, string>(x: new[] { 1, 2, 3 }, y: new[] { 0.6, 0.5, 0.45 });
        var html = ChartWithPicture.Compose(NotebookDisplay.InteractiveHtml(chart), Png, 600, 600);

        // A notebook page has no global Plotly: the script must load it (as Plotly.NET.Interactive does).
        Assert.Contains("requirejs.config", html);
        Assert.Contains("https://cdn.plot.ly/plotly-", html);
        int loaded = html.IndexOf("function(Plotly) {", StringComparison.Ordinal);
        int emptied = html.IndexOf(".replaceChildren();", StringComparison.Ordinal);
        Assert.True(loaded > 0 && emptied > loaded, "the picture must be removed inside the callback that runs once plotly.js loaded");
        Assert.True(html.IndexOf("<img src=\"data:image/png;base64,", StringComparison.Ordinal) < loaded);
    }

    [Fact]
    public void Without_a_picture_or_with_unknown_html_the_chart_is_left_as_it_is()
    {
        Assert.Equal(ChartHtml, ChartWithPicture.Compose(ChartHtml, null, 600, 400));
        Assert.Equal("<div>other</div>", ChartWithPicture.Compose("<div>other</div>", Png, 600, 400));
    }
}
