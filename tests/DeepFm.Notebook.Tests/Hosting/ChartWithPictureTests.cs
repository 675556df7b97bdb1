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
    public void Without_a_picture_or_with_unknown_html_the_chart_is_left_as_it_is()
    {
        Assert.Equal(ChartHtml, ChartWithPicture.Compose(ChartHtml, null, 600, 400));
        Assert.Equal("<div>other</div>", ChartWithPicture.Compose("<div>other</div>", Png, 600, 400));
    }
}
