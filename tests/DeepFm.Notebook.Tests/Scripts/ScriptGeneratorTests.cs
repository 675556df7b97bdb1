using DeepFm.NotebookScripts;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>A whole notebook as a script: the set-up cell's directives, the order of its parts, its checks across cells.</summary>
public sealed class ScriptGeneratorTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    private const string Setup =
        "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\nusing System.IO;\n" +
        "#!csharp\n#load \"lib/DeepFm.Notebook.Hosting/Build/LibraryBuild.cs\"\nLibraryBuild.EnsureCurrent(\".\");\n" +
        "#!csharp\n#r \"lib/DeepFm.Notebook/bin/Release/net10.0/DeepFm.Notebook.dll\"\nNotebookHost.Initialize();";

    private static string Generate(params NotebookCell[] cells) =>
        ScriptGenerator.Generate(new NotebookSource("notebooks/99-test.ipynb", cells), "99-test", Layout.Root);

    private static NotebookCell Code(int number, string source) => new(number, "code", source, NotebookSource.CSharpKernel);

    [Fact]
    public void TheSetupCellBecomesDirectivesAndAStartCall()
    {
        string script = Generate(new NotebookCell(1, "markdown", "# Test", "csharp"), Code(2, Setup),
            Code(3, "using System.Text;\nvar text = new StringBuilder(\"a\");\ntext"));

        Assert.Contains("\n#:package TorchSharp-cpu@0.107.0\n#:project ../lib/DeepFm.Notebook/DeepFm.Notebook.csproj\n", script);
        Assert.DoesNotContain("Plotly.NET.Interactive", script);   // it only extends a notebook kernel
        Assert.DoesNotContain("LibraryBuild", script);
        Assert.DoesNotContain("NotebookHost", script);
        int usingAt = script.IndexOf("\nusing System.Text;\n", StringComparison.Ordinal);
        int titleAt = script.IndexOf("Section(\"# Test\");", StringComparison.Ordinal);
        int startAt = script.IndexOf("Start(\"99-test\");", StringComparison.Ordinal);
        int showAt = script.IndexOf("Show(text);", StringComparison.Ordinal);
        Assert.True(0 < usingAt && usingAt < titleAt && titleAt < startAt && startAt < showAt,
            $"expected usings, title, Start, Show in that order:\n{script}");
    }

    [Fact]
    public void TypesComeAfterEveryStatement()
    {
        string script = Generate(Code(1, Setup), Code(2, "class Box { }\nvar box = new Box();"), Code(3, "box"));

        Assert.True(script.IndexOf("class Box", StringComparison.Ordinal) > script.IndexOf("Show(box);", StringComparison.Ordinal), script);
    }

    [Fact]
    public void AVariableDeclaredAgainInALaterCellIsAnError()
    {
        var error = Assert.Throws<NotebookTranslationException>(() =>
            Generate(Code(1, Setup), Code(2, "var seed = 1;"), Code(4, "int seed = 2;")));

        Assert.Contains("cell 4", error.Message);
        Assert.Contains("'seed' is declared again (first in cell 2)", error.Message);
    }

    [Fact]
    public void ASetupCellWithoutPinnedPackagesIsAnError()
    {
        var error = Assert.Throws<NotebookTranslationException>(() => Generate(Code(1, "var x = 1;")));

        Assert.Contains("set-up cell", error.Message);
    }

    [Fact]
    public void ALibraryDllWithoutAProjectIsAnError()
    {
        var error = Assert.Throws<NotebookTranslationException>(() =>
            Generate(Code(1, "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"bin/Nowhere.dll\"")));

        Assert.Contains("no Nowhere.csproj", error.Message);
    }
}
