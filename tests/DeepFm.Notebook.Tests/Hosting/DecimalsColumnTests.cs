using DeepFm.Notebook.Hosting;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>
/// A table declares its columns' decimals where it is built, and the usual DataFrame operations keep them; those that
/// compute new numbers fall back to the general rule (at most 4 significant decimals), never to raw digits.
/// </summary>
public sealed class DecimalsColumnTests
{
    // 0.069 and 0.1 with 4 decimals; the missing value of the third row is an empty cell.
    private static DataFrame Table() => new(
        new StringDataFrameColumn("model", ["LR", "FM", "DNN"]),
        new DecimalsColumn("ndcg", [0.069, 0.1, null], decimals: 4));

    private static string[] Cells(DataFrame frame) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Select(row => TableNumbers.Format(frame.Columns["ndcg"][row],
            frame.Columns["ndcg"])).ToArray();

    public static TheoryData<string, Func<DataFrame, DataFrame>, string[]> Operations => new()
    {
        { "Clone", frame => frame.Clone(), ["0.0690", "0.1000", ""] },
        { "OrderBy", frame => frame.OrderBy("ndcg"), ["0.0690", "0.1000", ""] },
        { "OrderByDescending", frame => frame.OrderByDescending("ndcg"), ["0.1000", "0.0690", ""] },
        { "OrderBy text", frame => frame.OrderBy("model"), ["", "0.1000", "0.0690"] },
        { "Head", frame => frame.Head(2), ["0.0690", "0.1000"] },
        { "Tail", frame => frame.Tail(1), [""] },
        { "Filter by mask", frame => frame.Filter(new BooleanDataFrameColumn("keep", [false, true, true])), ["0.1000", ""] },
        { "Filter by rows", frame => frame.Filter(new Int32DataFrameColumn("rows", [2, 0])), ["", "0.0690"] },
        { "Filter by value", frame => frame.Filter(frame.Columns["ndcg"].ElementwiseGreaterThan(0.08)), ["0.1000"] },
        { "DropNulls", frame => frame.DropNulls(), ["0.0690", "0.1000"] },
        { "FillNulls", frame => new DataFrame(frame.Columns["model"], frame.Columns["ndcg"].FillNulls(0.5)),
            ["0.0690", "0.1000", "0.5000"] },
        { "Append a row", frame => frame.Append(new object[] { "DeepFM", 0.2 }), ["0.0690", "0.1000", "", "0.2000"] },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_usual_operations_keep_the_declared_decimals(string operation, Func<DataFrame, DataFrame> apply,
        string[] expected)
    {
        DataFrame result = apply(Table());

        var column = Assert.IsType<DecimalsColumn>(result.Columns["ndcg"]);
        Assert.Equal(4, column.Decimals);
        Assert.True(expected.SequenceEqual(Cells(result)), $"{operation}: {string.Join(" | ", Cells(result))}");
    }

    [Fact]
    public void The_columns_own_copies_keep_the_declared_decimals()
    {
        var column = (DecimalsColumn)Table().Columns["ndcg"];

        Assert.Equal(4, Assert.IsType<DecimalsColumn>(column.DropNulls()).Decimals);
        Assert.Equal(4, Assert.IsType<DecimalsColumn>(column.Clone(new long[] { 1, 0 })).Decimals);
        Assert.Equal(4, Assert.IsType<DecimalsColumn>(column.Clone()).Decimals);
        // The column's own Filter(min, max) builds a plain column (not overridable): the general rule applies.
        var between = column.Filter(0.05, 0.08);
        Assert.IsNotType<DecimalsColumn>(between);
        Assert.Equal("0.069", TableNumbers.Format(between[0], between));
    }

    [Fact]
    public void Computed_columns_fall_back_to_the_general_rule()
    {
        DataFrameColumn doubled = Table().Columns["ndcg"] * 2;

        Assert.IsNotType<DecimalsColumn>(doubled);
        // 0.138 and 0.2 by the general rule (at most 4 significant decimals), not 0.13800000000000001.
        Assert.Equal(["0.138", "0.2", ""], Enumerable.Range(0, 3).Select(row => TableNumbers.Format(doubled[row], doubled)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Decimals_outside_0_to_15_are_refused(int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecimalsColumn("x", [1.0], decimals));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecimalsColumn("x", [(double?)1.0], decimals));
    }
}
