using DeepFm.NotebookScripts;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>scripts/*.cs are generated from notebooks/*.ipynb and checked in: they must be what the generator writes today.</summary>
public sealed class ScriptRegenerationTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    [Fact]
    public void EveryScriptIsWhatItsNotebookGeneratesToday()
    {
        var differences = ScriptGenerator.Differences(Layout.Root);

        Assert.True(differences.Count == 0,
            $"{string.Join(", ", differences)} differ{(differences.Count == 1 ? "s" : "")} from the notebooks. " +
            $"Regenerate the scripts from the repository root: {ScriptGenerator.Command}");
    }

    [Fact]
    public void EveryNotebookHasAScript()
    {
        var scripts = ScriptGenerator.GenerateAll(Layout.Root);

        Assert.Equal(
            Layout.Notebooks().Select(path => $"scripts/{Path.GetFileNameWithoutExtension(path)}.cs"),
            scripts.Keys);
    }
}
