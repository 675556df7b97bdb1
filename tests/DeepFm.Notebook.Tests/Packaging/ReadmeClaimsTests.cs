using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The README quotes only numbers a committed notebook printed. Each results table in README.md follows a marker
/// <c>&lt;!-- checked: notebooks/NAME.ipynb --&gt;</c>; that notebook must have an output table with the same column
/// names, and every README row must equal the output row with the same first cell, cell by cell (emphasis and
/// spacing aside). So a notebook prints its results exactly as the README shows them (rounded, as text), and a
/// regenerated run that changes a number makes this test fail until the README is updated.
/// <para>These fail on notebooks executed before the results tables were added (04's table, 05's summary with the
/// README's columns); they pass once the notebooks are regenerated and the README copies their numbers.</para>
/// </summary>
public sealed class ReadmeClaimsTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(Layout.Root, "README.md"));

    public static TheoryData<int> CheckedTables() =>
        new(Enumerable.Range(0, ResultTables.CheckedReadmeTables(Readme()).Count));

    [Fact]
    public void TheReadmeChecksItsResultsAgainstNotebooks04And05()
    {
        var tables = ResultTables.CheckedReadmeTables(Readme());
        Assert.Contains(tables, table => table.Notebook == "04-train-eval.ipynb");
        Assert.Contains(tables, table => table.Notebook == "05-compare-and-recommend.ipynb");
        Assert.Contains(tables, table => table.Notebook == "07-from-ratings-to-recommendations.ipynb");
        Assert.All(tables, table =>
        {
            Assert.True(File.Exists(Path.Combine(Layout.NotebooksFolder, table.Notebook)), $"no notebook {table.Notebook}");
            Assert.True(table.Table.Header.Count >= 2 && table.Table.Rows.Count >= 1,
                $"the README table checked against {table.Notebook} is empty or not a Markdown table");
        });
    }

    [Theory]
    [MemberData(nameof(CheckedTables))]
    public void EveryCheckedTableEqualsAnOutputTableOfItsNotebook(int position)
    {
        var (notebook, readme) = ResultTables.CheckedReadmeTables(Readme())[position];
        var candidates = HtmlOutputs(notebook).SelectMany(ResultTables.HtmlTables)
            .Where(output => readme.Header.All(column => output.Header.Contains(column)))
            .ToList();
        Assert.True(candidates.Count > 0,
            $"README table {position + 1} quotes {notebook}, but no output table there has the columns "
            + $"[{string.Join(" | ", readme.Header)}]; make the notebook print it.");

        var differences = candidates.Select(output => Differences(readme, output).ToList()).MinBy(list => list.Count)!;
        Assert.True(differences.Count == 0,
            $"README table {position + 1} differs from {notebook}'s output:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void TheReadmeListsEveryNotebook()
    {
        string readme = Readme();
        Assert.All(Names(), notebook => Assert.Contains($"(notebooks/{notebook})", readme));
    }

    private static IEnumerable<string> Differences(ResultTable readme, ResultTable output)
    {
        string key = readme.Header[0];
        foreach (var row in readme.Rows)
        {
            var match = output.Rows.FirstOrDefault(candidate => output.Cell(candidate, key) == row[0]);
            if (match is null)
            {
                yield return $"  no output row with {key} = '{row[0]}'";
                continue;
            }
            foreach (var column in readme.Header.Skip(1))
            {
                string? quoted = readme.Cell(row, column), printed = output.Cell(match, column);
                if (quoted != printed) yield return $"  {row[0]} / {column}: README '{quoted}', output '{printed}'";
            }
        }
    }
}
