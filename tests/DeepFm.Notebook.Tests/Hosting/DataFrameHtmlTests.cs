using System.Text.RegularExpressions;
using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>DataFrames display as plain HTML tables a viewer without JavaScript shows completely.</summary>
public sealed class DataFrameHtmlTests
{
    private static DataFrame Epochs(int rows) => new(
        new Int32DataFrameColumn("epoch", Enumerable.Range(1, rows)),
        new DecimalsColumn("test_auc", Enumerable.Range(1, rows).Select(epoch => 0.7 + 1.0 / (3 * epoch + 7)), decimals: 4),
        new DecimalsColumn("seconds", Enumerable.Range(1, rows).Select(epoch => 2.345678 * epoch), decimals: 1),
        new DoubleDataFrameColumn("loss", Enumerable.Range(1, rows).Select(epoch => 0.5 / epoch)),
        new StringDataFrameColumn("note", Enumerable.Range(1, rows).Select(epoch => epoch == 1 ? "<first>" : "")));

    [Fact]
    public void A_long_frame_shows_25_rows_and_says_how_many_more()
    {
        var html = DataFrameHtml.Render(Epochs(100));

        Assert.Equal(25, Regex.Matches(html, "<tr>").Count - 1); // minus the header row
        Assert.Contains("… 75 more rows (100 in all)", html);
    }

    [Fact]
    public void A_short_frame_shows_every_row_and_no_count()
    {
        var html = DataFrameHtml.Render(Epochs(20));

        Assert.Equal(20, Regex.Matches(html, "<tr>").Count - 1);
        Assert.DoesNotContain("more row", html);
    }

    [Fact]
    public void The_table_needs_no_script_and_hides_no_row()
    {
        var html = DataFrameHtml.Render(Epochs(30));

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("display: none", html);
        Assert.DoesNotContain("display:none", html);
        Assert.StartsWith("<table><thead><tr><th>epoch</th><th>test_auc</th><th>seconds</th><th>loss</th><th>note</th></tr></thead>", html);
    }

    [Fact]
    public void Numbers_show_their_columns_declared_decimals_and_text_is_escaped()
    {
        var html = DataFrameHtml.Render(Epochs(3));

        // Row 1: 0.7 + 1/10 = 0.8 with the declared 4 decimals, 2.345678 with 1, and 0.5/1 by the general rule.
        Assert.Contains("<tr><td style=\"text-align: right;\">1</td><td style=\"text-align: right;\">0.8000</td>" +
            "<td style=\"text-align: right;\">2.3</td><td style=\"text-align: right;\">0.5</td><td>&lt;first&gt;</td></tr>", html);
        // Row 3: 0.7 + 1/16 = 0.7625, 7.037034 → 7.0, 0.5/3 = 0.16666… → 0.1667.
        Assert.Contains("<td style=\"text-align: right;\">0.7625</td><td style=\"text-align: right;\">7.0</td>" +
            "<td style=\"text-align: right;\">0.1667</td>", html);
        Assert.Contains("&lt;first&gt;", html);
        Assert.DoesNotMatch(@"\d\.\d{6,}", html);
    }
}
