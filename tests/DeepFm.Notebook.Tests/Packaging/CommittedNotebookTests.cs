using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The notebooks are committed executed, to be read on GitHub as documentation: every code cell ran, no cell holds an
/// error, and no output carries a machine's absolute paths or the CI's data folder.
/// </summary>
public sealed partial class CommittedNotebookTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    public static TheoryData<string> Notebooks() => new(Layout.Notebooks().Select(Path.GetFileName)!);

    [Fact]
    public void TheNotebooksAreNumberedInReadingOrder()
    {
        var names = Layout.Notebooks().Select(path => Path.GetFileName(path)).ToList();
        Assert.Equal(["01-data.ipynb", "02-embeddings.ipynb", "03-deepfm.ipynb", "04-train-eval.ipynb", "05-compare-and-recommend.ipynb"],
            names.Take(5));
        // Later notebooks continue the numbering: 06-…, 07-…, with no gap.
        Assert.All(names.Select((name, position) => (name, position)),
            pair => Assert.StartsWith($"{pair.position + 1:00}-", pair.name));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryCodeCellWasExecutedWithoutError(string notebook)
    {
        foreach (var (cell, index) in CodeCells(notebook))
        {
            Assert.True(cell["execution_count"] is JsonValue, $"{notebook}: code cell {index} was not executed; run the notebooks before committing.");
            var errors = cell["outputs"]!.AsArray().Where(output => (string?)output!["output_type"] == "error").ToList();
            Assert.True(errors.Count == 0, $"{notebook}: code cell {index} holds an error output: {errors.FirstOrDefault()?["evalue"]}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void OutputsCarryNoAbsoluteLocalPaths(string notebook)
    {
        foreach (var (cell, index) in CodeCells(notebook))
        {
            var match = AbsoluteLocalPath().Match(cell["outputs"]!.ToJsonString());
            Assert.False(match.Success, $"{notebook}: code cell {index} prints the local path '{match.Value}'.");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NotebookLinksToItsNeighbours(string notebook)
    {
        var names = Layout.Notebooks().Select(Path.GetFileName).ToList();
        int position = names.IndexOf(notebook);
        var markdown = string.Concat(Cells(notebook).Where(cell => (string?)cell["cell_type"] == "markdown").Select(Source));
        if (position > 0) Assert.Contains($"({names[position - 1]})", markdown);
        if (position < names.Count - 1) Assert.Contains($"({names[position + 1]})", markdown);
        Assert.Contains("## Summary", markdown);
    }

    private static IEnumerable<JsonNode> Cells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Layout.NotebooksFolder, notebook)))!["cells"]!.AsArray()!;

    private static IEnumerable<(JsonNode Cell, int Index)> CodeCells(string notebook) =>
        Cells(notebook).Select((cell, index) => (cell, index)).Where(pair => (string?)pair.cell["cell_type"] == "code");

    private static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        var text => (string?)text ?? "",
    };

    // Home folders, temp and work folders of Linux/macOS, Windows drive paths under Users, and the data folder the
    // tests and CI use beside the repository (../shared).
    [GeneratedRegex("""(?<![\w.~])/(home|root|tmp|work|Users)/[\w.-]+|[A-Za-z]:\\\\Users\\\\|\.\./shared\b""")]
    private static partial Regex AbsoluteLocalPath();
}
