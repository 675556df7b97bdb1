using System.Text.Json;
using DeepFm.NotebookScripts;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>
/// The taught code's single source: a cell marked <c>// @save Folder/File.cs</c> is the library's file of that name,
/// text for text; the committed library must be what the notebooks generate today.
/// </summary>
public sealed class LibraryCellsTests : IDisposable
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
    private readonly string root = Directory.CreateTempSubdirectory("library-cells-").FullName;

    public LibraryCellsTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateDirectory(Path.Combine(root, LibraryCells.LibraryFolder, "Model"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void EverySavedCellIsTheLibraryFileItGeneratesToday()
    {
        var differences = LibraryCells.Differences(Layout.Root);

        Assert.True(differences.Count == 0,
            $"{string.Join(", ", differences)} differ{(differences.Count == 1 ? "s" : "")} from the notebook cells saved " +
            $"to them. Regenerate from the repository root: {ScriptGenerator.Command}");
    }

    [Fact]
    public void SavedCellsBecomeOneFileWithTheirUsingsOnTopAndTheirTextUnchanged()
    {
        const string first = "/// <summary>Adds.</summary>\npublic static class Adder\n{\n    /// <summary>a + b.</summary>\n" +
                             "    public static int Add(int a, int b) => a + b;   // kept as written\n}";
        const string second = "/// <summary>A pair.</summary>\npublic sealed record Pair(int A, int B);";
        WriteNotebook("03-test", "var notSaved = 1;",
            $"// @save Model/Sums.cs\nusing System.Text;\nusing static System.Math;\n\n{first}",
            $"// @save Model/Sums.cs\nusing System.Text;\n{second}");

        string text = LibraryCells.GenerateAll(root)[$"{LibraryCells.LibraryFolder}/Model/Sums.cs"];

        Assert.StartsWith("// Generated from notebooks/03-test.ipynb", text);
        Assert.Contains("\nusing System.Text;\nusing static System.Math;\n\nnamespace DeepFm.Notebook.Model;\n\n" +
                        first + "\n\n" + second + "\n", text);
        Assert.Equal(1, text.Split("using System.Text;").Length - 1);
        Assert.DoesNotContain("notSaved", text);
    }

    [Fact]
    public void AChangedCellOrAHandEditedFileIsADifferenceUntilRegenerated()
    {
        WriteNotebook("03-test", "// @save Model/Box.cs\n/// <summary>A box.</summary>\npublic sealed class Box { }");
        Assert.Equal([$"{LibraryCells.LibraryFolder}/Model/Box.cs"], LibraryCells.WriteAll(root));
        Assert.Empty(LibraryCells.Differences(root));

        string file = Path.Combine(root, LibraryCells.LibraryFolder, "Model", "Box.cs");
        File.AppendAllText(file, "// a second, hand-kept copy\n");
        Assert.Equal([$"{LibraryCells.LibraryFolder}/Model/Box.cs"], LibraryCells.Differences(root));

        LibraryCells.WriteAll(root);
        WriteNotebook("03-test", "// @save Model/Box.cs\n/// <summary>A bigger box.</summary>\npublic sealed class Box { }");
        Assert.Equal([$"{LibraryCells.LibraryFolder}/Model/Box.cs"], LibraryCells.Differences(root));
    }

    [Fact]
    public void AFileWhoseCellLostItsMarkerIsStaleAndDeleted()
    {
        WriteNotebook("03-test", "// @save Model/Box.cs\n/// <summary>A box.</summary>\npublic sealed class Box { }");
        LibraryCells.WriteAll(root);
        File.WriteAllText(Path.Combine(root, LibraryCells.LibraryFolder, "Model", "Kept.cs"), "// hand-written\n");
        WriteNotebook("03-test", "/// <summary>A box.</summary>\npublic sealed class Box { }");

        Assert.Equal([$"{LibraryCells.LibraryFolder}/Model/Box.cs"], LibraryCells.Differences(root));
        LibraryCells.WriteAll(root);
        Assert.False(File.Exists(Path.Combine(root, LibraryCells.LibraryFolder, "Model", "Box.cs")));
        Assert.True(File.Exists(Path.Combine(root, LibraryCells.LibraryFolder, "Model", "Kept.cs")));
    }

    [Theory]
    [InlineData("// @save Model/Box.cs\nvar box = 1;", "holds only its leading 'using' lines and type declarations")]
    [InlineData("// @save Model/Box.cs\npublic class Box { }\nusing System.Text;", "C# syntax error at line 3")]
    [InlineData("// @save Box.cs\npublic class Box { }", "needs a path inside lib/DeepFm.Notebook")]
    [InlineData("// @save ../Model/Box.cs\npublic class Box { }", "needs a path inside lib/DeepFm.Notebook")]
    [InlineData("// @save Model/Box.cs\n", "saves an empty cell")]
    [InlineData("// @save Model/Box.cs\npublic class Box {", "C# syntax error at line 2")]
    public void ACellThatCannotBeLibraryCodeIsAnErrorThatNamesTheCell(string cell, string message)
    {
        WriteNotebook("03-test", cell);

        var error = Assert.Throws<NotebookTranslationException>(() => LibraryCells.GenerateAll(root));

        Assert.Contains("notebooks/03-test.ipynb", error.Message);
        Assert.Contains("cell 1", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TwoNotebooksCannotSaveToOneFile()
    {
        WriteNotebook("02-test", "// @save Model/Box.cs\npublic class Box { }");
        WriteNotebook("03-test", "// @save Model/Box.cs\npublic class Crate { }");

        var error = Assert.Throws<NotebookTranslationException>(() => LibraryCells.GenerateAll(root));

        Assert.Contains("notebooks/03-test.ipynb", error.Message);
        Assert.Contains("also saved by notebooks/02-test.ipynb", error.Message);
    }

    private void WriteNotebook(string name, params string[] codeCells)
    {
        var notebook = new
        {
            cells = codeCells.Select(source => new { cell_type = "code", metadata = new { }, source, outputs = Array.Empty<object>() }),
            metadata = new { kernelspec = new { name = ".net-csharp", language = "C#", display_name = ".NET (C#)" } },
            nbformat = 4,
            nbformat_minor = 5,
        };
        File.WriteAllText(Path.Combine(root, "notebooks", name + ".ipynb"), JsonSerializer.Serialize(notebook));
    }
}
