using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>How the runner reads an executed notebook to name the failing cell.</summary>
public sealed class NotebookCellFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepfm-cell-failure-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FindsTheFirstCellWithAnErrorOutput()
    {
        var path = WriteNotebook(
            Markdown("# Title"),
            Code(["var x = 1;\n", "x"], new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = "1" } }),
            Code(["\n", "  throw new InvalidOperationException(\"boom\");\n"], Error("Error", "System.InvalidOperationException: boom")),
            Code(["var later = 2;"], Error("Error", "CS0103: later failure")));

        var failure = NotebookCellFailure.FindFirst(path);

        Assert.NotNull(failure);
        Assert.Equal(2, failure.CellIndex);
        Assert.Equal("throw new InvalidOperationException(\"boom\");", failure.FirstSourceLine);
        Assert.Contains("boom", failure.ErrorText);
        Assert.Equal(2, failure.CodeCellNumber); // the second code cell: what the run's progress called "cell 2/3"
        Assert.StartsWith("code cell 2 (", failure.ToString());
    }

    [Fact]
    public void ReadsSourceStoredAsOneStringAndKeepsTheTraceback()
    {
        var cell = Code(["ignored"], Error("CompilationError", "CS0103: The name 'y' does not exist", "   at Submission#3"));
        cell["source"] = "y + 1\nsecond line";
        var path = WriteNotebook(cell);

        var failure = NotebookCellFailure.FindFirst(path)!;

        Assert.Equal(0, failure.CellIndex);
        Assert.Equal("y + 1", failure.FirstSourceLine);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("at Submission#3", failure.ErrorText);
    }

    [Fact]
    public void ReturnsNullWhenNoCellFailed()
    {
        var path = WriteNotebook(Code(["1 + 1"], new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = "warning only" }));

        Assert.Null(NotebookCellFailure.FindFirst(path));
    }

    [Fact]
    public void RejectsAFileThatIsNotANotebook()
    {
        var path = Path.Combine(folder, "not-a-notebook.ipynb");
        File.WriteAllText(path, "{\"hello\": 1}");

        var error = Assert.Throws<InvalidDataException>(() => NotebookCellFailure.FindFirst(path));
        Assert.Contains("not-a-notebook.ipynb", error.Message);
    }

    private string WriteNotebook(params JsonObject[] cells)
    {
        var path = Path.Combine(folder, "executed.ipynb");
        File.WriteAllText(path, new JsonObject { ["cells"] = new JsonArray(cells), ["nbformat"] = 4 }.ToJsonString());
        return path;
    }

    private static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["source"] = text };

    private static JsonObject Code(string[] lines, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code",
        ["source"] = new JsonArray(lines.Select(line => (JsonNode)line).ToArray()),
        ["outputs"] = new JsonArray(outputs),
    };

    private static JsonObject Error(string name, string value, params string[] traceback) => new()
    {
        ["output_type"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode)line).ToArray()),
    };
}
