using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The README and the pages under docs/ quote only numbers a committed notebook printed. Each results table in
/// README.md or docs/*.md follows a marker
/// <c>&lt;!-- checked: notebooks/NAME.ipynb --&gt;</c>; that notebook must have an output table with the same column
/// names, and every README row must equal the output row with the same first cell, cell by cell (emphasis and
/// spacing aside). So a notebook prints its results exactly as the README shows them (rounded, as text), and a
/// regenerated run that changes a number makes this test fail until the README is updated.
/// <para>Only numbers a seed fixes are compared (AUCs, losses, chosen epochs, ranking metrics). Timing columns
/// (<see cref="ResultTables.IsTiming"/>: seconds, minutes, throughput) change on every run, so a newcomer who runs
/// every notebook and then the tests would otherwise get a red suite; they are never compared, and the README shows
/// timings outside the checked tables, as approximate figures of one machine.</para>
/// </summary>
public sealed class ReadmeClaimsTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(Layout.Root, "README.md"));

    /// <summary>README.md, then every docs/*.md page in name order: the documents whose checked tables are compared.</summary>
    internal static IReadOnlyList<string> Documents() =>
        Directory.GetFiles(Path.Combine(Layout.Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(path => "docs/" + Path.GetFileName(path)).Prepend("README.md").ToList();

    /// <summary>Every checked table of every document, with the document it sits in.</summary>
    private static IReadOnlyList<(string Document, string Notebook, ResultTable Table)> AllCheckedTables() =>
        Documents().SelectMany(document => ResultTables.CheckedReadmeTables(File.ReadAllText(Path.Combine(Layout.Root, document)))
            .Select(table => (document, table.Notebook, table.Table))).ToList();

    public static TheoryData<int> CheckedTables() =>
        new(Enumerable.Range(0, AllCheckedTables().Count));

    [Fact]
    public void TheReadmeHasOneHeadlineTableChecked()
    {
        Assert.Single(ResultTables.CheckedReadmeTables(Readme()));
    }

    [Fact]
    public void TheDocsCheckTheirResultsAgainstNotebooks04To07()
    {
        var tables = AllCheckedTables();
        Assert.Contains(tables, table => table.Notebook == "04-train-eval.ipynb");
        Assert.Contains(tables, table => table.Notebook == "05-compare-and-recommend.ipynb");
        Assert.Contains(tables, table => table.Notebook == "06-beyond-the-original.ipynb");
        Assert.Contains(tables, table => table.Notebook == "07-from-ratings-to-recommendations.ipynb");
        Assert.All(tables, table =>
        {
            Assert.True(File.Exists(Path.Combine(Layout.NotebooksFolder, table.Notebook)), $"no notebook {table.Notebook}");
            Assert.True(table.Table.Header.Count >= 2 && table.Table.Rows.Count >= 1,
                $"the {table.Document} table checked against {table.Notebook} is empty or not a Markdown table");
        });
    }

    [Theory]
    [MemberData(nameof(CheckedTables))]
    public void EveryCheckedTableEqualsAnOutputTableOfItsNotebook(int position)
    {
        var (document, notebook, readme) = AllCheckedTables()[position];
        var candidates = HtmlOutputs(notebook).SelectMany(ResultTables.HtmlTables)
            .Where(output => readme.Header.All(column => output.Header.Contains(column)))
            .ToList();
        Assert.True(candidates.Count > 0,
            $"{document}: checked table {position + 1} quotes {notebook}, but no output table there has the columns "
            + $"[{string.Join(" | ", readme.Header)}]; make the notebook print it.");

        var differences = candidates.Select(output => ResultTables.Differences(readme, output).ToList()).MinBy(list => list.Count)!;
        Assert.True(differences.Count == 0,
            $"{document}: checked table {position + 1} differs from {notebook}'s output:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void TheReadmeListsEveryNotebook()
    {
        string readme = Readme();
        Assert.All(Names(), notebook => Assert.Contains($"(notebooks/{notebook})", readme));
    }

    [Fact]
    public void TheReadmeLinksEveryDocsPage()
    {
        string readme = Readme();
        Assert.All(Documents().Skip(1), page => Assert.Contains($"]({page})", readme));
    }

    [Fact]
    public void SeededNumbersAreComparedAndTimingsAreNot()
    {
        var output = new ResultTable(["model", "test_auc", "train_s", "examples/s"],
            [["DeepFM", "0.7643 ± 0.0016", "19.9 ± 3.1", "300,000"]]);
        var sameNumbersOtherTimings = new ResultTable(["model", "test_auc", "train_s", "examples/s"],
            [["DeepFM", "0.7643 ± 0.0016", "25.0 ± 1.0", "210,000"]]);
        var otherAuc = new ResultTable(["model", "test_auc"], [["DeepFM", "0.7644 ± 0.0016"]]);

        Assert.Empty(ResultTables.Differences(sameNumbersOtherTimings, output));
        Assert.Equal(["  DeepFM / test_auc: README '0.7644 ± 0.0016', output '0.7643 ± 0.0016'"],
            ResultTables.Differences(otherAuc, output));
    }

    [Fact]
    public void NoCheckedReadmeTableQuotesATiming()
    {
        // A timing in a checked table would look checked while it is not: show timings in the text instead.
        Assert.All(AllCheckedTables(), table =>
            Assert.DoesNotContain(table.Table.Header, ResultTables.IsTiming));
    }
}
