using System.Text.RegularExpressions;
using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>DataFrames display as plain HTML tables a viewer without JavaScript shows completely.</summary>
public sealed class DataFrameHtmlTests
{
    private static DataFrame Epochs(int rows) => new(
        new Int32DataFrameColumn("epoch", Enumerable.Range(1, rows)),
        new DoubleDataFrameColumn("test_auc", Enumerable.Range(1, rows).Select(epoch => 0.7 + 1.0 / (3 * epoch + 7))),
        new DoubleDataFrameColumn("seconds", Enumerable.Range(1, rows).Select(epoch => 2.345678 * epoch)),
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
        Assert.StartsWith("<table><thead><tr><th>epoch</th><th>test_auc</th><th>seconds</th><th>note</th></tr></thead>", html);
    }

    [Fact]
    public void Numbers_are_rounded_by_column_meaning_and_text_is_escaped()
    {
        var html = DataFrameHtml.Render(Epochs(3));

        Assert.Contains("<td style=\"text-align: right;\">0.8000</td>", html); // AUC: 4 decimals
        Assert.Contains("<td style=\"text-align: right;\">2.3</td>", html);    // seconds: 1 decimal
        Assert.Contains("&lt;first&gt;", html);
        Assert.DoesNotMatch(@"\d\.\d{6,}", html);
    }
}
