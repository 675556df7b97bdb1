using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>A DataFrame in a terminal: aligned columns, numbers rounded and right-aligned, long tables cut.</summary>
public sealed class DataFrameTextTests
{
    [Fact]
    public void ColumnsAlignAndNumbersShowTheirDeclaredDecimals()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("model", ["LR", "DeepFM", "random"]),
            new DecimalsColumn("test AUC", [0.73571234, 0.76, null], decimals: 4),
            new DoubleDataFrameColumn("train_s", [12.25, 3, 0]),
            new Int32DataFrameColumn("n", [12, 3, 1]));

        // Written out by hand: "test AUC" declares 4 decimals (0.76 → 0.7600, missing → empty); "train_s" is a plain
        // column, so its name chooses nothing (12.25, 3); numbers align right, text left.
        Assert.Equal(
            "model   test AUC  train_s   n\n" +
            "------  --------  -------  --\n" +
            "LR        0.7357    12.25  12\n" +
            "DeepFM    0.7600        3   3\n" +
            "random                  0   1",
            DataFrameText.Render(frame).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ALongTableSaysHowManyRowsAreLeftOut()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("i", Enumerable.Range(1, 30)));

        string[] lines = DataFrameText.Render(frame, maxRows: 3).ReplaceLineEndings("\n").Split('\n');

        // Only the shown rows set the width: "1" to "3" are one character, like the header.
        Assert.Equal(["i", "-", "1", "2", "3", "… 27 more rows (30 in all)"], lines);
    }

    [Fact]
    public void ALineBreakInACellStaysInItsRow()
    {
        var frame = new DataFrame(new StringDataFrameColumn("text", ["a\nb"]));

        Assert.Equal("text\n----\na b", DataFrameText.Render(frame).ReplaceLineEndings("\n"));
    }
}
