using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// A column of numbers that says how many decimals its table shows: with 4, 0.069 is written 0.0690 beside 0.0711,
/// so a column's digits line up. The table that builds the column declares it (<c>new DecimalsColumn("test AUC",
/// values, decimals: 4)</c>); <see cref="TableNumbers"/> writes every other number with at most 4 significant decimals.
/// </summary>
/// <remarks>
/// Sorting, filtering, <c>Head</c>, <c>Tail</c>, <c>Clone</c>, <c>DropNulls</c> and <c>FillNulls</c> of a DataFrame keep
/// the column and its decimals (checked by its tests). Operations that compute new numbers (arithmetic, <c>Apply</c>,
/// joins, group-by aggregates) and the column's own <c>Filter(min, max)</c> give a plain double column, written by
/// the general rule.
/// </remarks>
public sealed class DecimalsColumn : PrimitiveDataFrameColumn<double>
{
    /// <summary>The most decimals a double carries meaningfully (15 significant digits).</summary>
    public const int MaxDecimals = 15;

    /// <summary>A column called <paramref name="name"/> whose <paramref name="values"/> show <paramref name="decimals"/> decimals.</summary>
    public DecimalsColumn(string name, IEnumerable<double> values, int decimals) : base(name, values) =>
        Decimals = Checked(decimals);

    /// <summary>As above, with missing values (null), which show as empty cells.</summary>
    public DecimalsColumn(string name, IEnumerable<double?> values, int decimals) : base(name, values) =>
        Decimals = Checked(decimals);

    private DecimalsColumn(string name, long length, int decimals) : base(name, length) => Decimals = decimals;

    /// <summary>The decimals every value of this column is written with ("F" + <see cref="Decimals"/>).</summary>
    public int Decimals { get; }

    // The column's own copies (DropNulls, Clone by a list of rows) start from an empty column of the same kind.
    /// <inheritdoc/>
    protected override PrimitiveDataFrameColumn<double> CreateNewColumn(string name, long length = 0) =>
        new DecimalsColumn(name, length, Decimals);

    // Sort, Head and Filter by row indices copy through an internal factory that makes a plain double column;
    // copying its values back into a DecimalsColumn keeps the declared decimals.
    /// <inheritdoc/>
    protected override DataFrameColumn CloneImplementation(DataFrameColumn mapIndices, bool invertMapIndices,
        long numberOfNullsToAppend) =>
        Keep(base.CloneImplementation(mapIndices, invertMapIndices, numberOfNullsToAppend));

    /// <inheritdoc/>
    protected override DataFrameColumn CloneImplementation(long numberOfNullsToAppend) =>
        Keep(base.CloneImplementation(numberOfNullsToAppend));

    private DecimalsColumn Keep(DataFrameColumn clone) => clone as DecimalsColumn
        ?? new DecimalsColumn(clone.Name, (PrimitiveDataFrameColumn<double>)clone, Decimals);

    private static int Checked(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        return decimals;
    }
}
