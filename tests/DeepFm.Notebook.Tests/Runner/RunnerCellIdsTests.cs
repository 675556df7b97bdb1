using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>The runner writes nbformat 4.5 with a unique id on every cell, keeping the ids a notebook already has.</summary>
public sealed class RunnerCellIdsTests
{
    [Fact]
    public void GivesEveryCellAnIdAndKeepsExistingOnes()
    {
        var notebook = Notebook("""{"cell_type":"markdown","id":"intro","metadata":{},"source":[]}""",
                                """{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":[]}""");

        var changed = CellIds.Ensure(notebook);

        Assert.Equal(1, changed);
        Assert.Equal("intro", (string?)notebook["cells"]![0]!["id"]);
        Assert.Matches("^[0-9a-f]{8}$", (string?)notebook["cells"]![1]!["id"]);
        Assert.True(CellIds.AreValid(notebook));
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);
    }

    [Fact]
    public void PutsTheIdWhereJupyterDoes()
    {
        var notebook = Notebook("""{"cell_type":"code","execution_count":1,"metadata":{},"outputs":[],"source":[]}""");

        CellIds.Ensure(notebook);

        var keys = notebook["cells"]![0]!.AsObject().Select(property => property.Key);
        Assert.Equal(["cell_type", "execution_count", "id", "metadata", "outputs", "source"], keys);
    }

    [Fact]
    public void ReplacesRepeatedAndInvalidIds()
    {
        var notebook = Notebook("""{"cell_type":"markdown","id":"same","metadata":{},"source":[]}""",
                                """{"cell_type":"markdown","id":"same","metadata":{},"source":[]}""",
                                """{"cell_type":"markdown","id":"has space","metadata":{},"source":[]}""");
        Assert.False(CellIds.AreValid(notebook));

        Assert.Equal(2, CellIds.Ensure(notebook));

        Assert.Equal("same", (string?)notebook["cells"]![0]!["id"]);
        Assert.True(CellIds.AreValid(notebook));
    }

    [Fact]
    public void AnUnchangedNotebookKeepsItsIds()
    {
        var notebook = Notebook("""{"cell_type":"markdown","id":"a1","metadata":{},"source":[]}""");
        notebook["nbformat_minor"] = 5;
        var before = notebook.ToJsonString();

        Assert.Equal(0, CellIds.Ensure(notebook));
        Assert.Equal(before, notebook.ToJsonString());
    }

    [Fact]
    public void TheAddCellIdsCommandWritesIdsIntoTheFileAndChangesNothingElse()
    {
        string folder = Directory.CreateTempSubdirectory("deepfm-cell-ids-").FullName;
        try
        {
            string path = Path.Combine(folder, "edited.ipynb");
            var notebook = Notebook("""{"cell_type":"markdown","id":"intro","metadata":{},"source":["# Title"]}""",
                                    """{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":["1 + 1"]}""");
            notebook["nbformat_minor"] = 5;
            NotebookFile.WriteAtomically(notebook, path);   // as the runner writes it, before the new cell's id
            string before = File.ReadAllText(path);

            int exitCode = RunCommand.Create((_, _) => Task.FromResult(99)).Parse(["add-cell-ids", path]).Invoke();

            Assert.Equal(0, exitCode);
            var written = NotebookFile.Read(path);
            Assert.True(CellIds.AreValid(written));
            Assert.Equal("intro", (string?)written["cells"]![0]!["id"]);
            string newId = (string)written["cells"]![1]!["id"]!;
            // The only change is the new id line, where Jupyter puts it.
            Assert.Equal(before.Replace("\"execution_count\": null,\n", $"\"execution_count\": null,\n   \"id\": \"{newId}\",\n"),
                File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Notebook(params string[] cells) =>
        JsonNode.Parse($$"""{"cells":[{{string.Join(',', cells)}}],"metadata":{},"nbformat":4,"nbformat_minor":4}""")!.AsObject();
}
