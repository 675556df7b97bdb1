using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DeepFm.Notebook.Hosting;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>
/// Every notebook opens the same way: one set-up cell, identical everywhere, that pins the same package versions as the
/// library (Directory.Packages.props), builds the Release library when it is stale, loads it and calls
/// NotebookHost.Initialize(); and .NET Interactive metadata that VS Code Polyglot Notebooks and Jupyter both understand.
/// </summary>
public sealed partial class NotebookTemplateTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    /// <summary>The tutorial notebooks plus the test fixture notebooks.</summary>
    public static TheoryData<string> AllNotebooks() => new(NotebookPaths());

    private static IEnumerable<string> NotebookPaths() =>
        Layout.Notebooks()
            .Concat(Directory.GetFiles(Path.Combine(Layout.Root, "tests", "DeepFm.Notebook.Tests", "Notebooks"), "*.ipynb"))
            .Select(path => Path.GetRelativePath(Layout.Root, path));

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void ReferencesCellPinsTheLibrarysPackageVersions(string notebook)
    {
        var codeCells = ExecutedCells.Read(Path.Combine(Layout.Root, notebook));
        var pinned = NugetReference().Matches(codeCells[0].Source).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["version"].Value);
        var central = XDocument.Load(Path.Combine(Layout.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

        foreach (var package in new[] { "TorchSharp-cpu", "Microsoft.Data.Analysis", "Plotly.NET", "Plotly.NET.CSharp", "Plotly.NET.Interactive" })
        {
            Assert.True(pinned.ContainsKey(package), $"{notebook}: the first code cell must have #r \"nuget: {package}, {central[package]}\"");
            Assert.True(central[package] == pinned[package],
                $"{notebook} pins {package} {pinned[package]} but Directory.Packages.props has {central[package]}; the library was built against the latter.");
        }
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void SetupCellBuildsAndLoadsTheLibraryBeforeAnyPlotlyCode(string notebook)
    {
        var setup = ExecutedCells.Read(Path.Combine(Layout.Root, notebook))[0].Source;
        var submissions = setup.Split("\n#!csharp\n");
        Assert.True(submissions.Length == 3,
            $"{notebook}: the set-up cell is three submissions (root, build, load) split by #!csharp lines");
        Assert.Contains(LibraryBuild.SolutionFile, submissions[0]); // moves the kernel to the repository root
        Assert.Contains("#load \"lib/DeepFm.Notebook.Hosting/Build/LibraryBuild.cs\"", submissions[1]);
        Assert.Contains("LibraryBuild.EnsureCurrent(", submissions[1]);
        Assert.Contains($"#r \"{LibraryBuild.LibraryDll}\"", submissions[2]);
        Assert.Contains($"#r \"{Path.GetDirectoryName(LibraryBuild.LibraryDll)}/DeepFm.Notebook.Hosting.dll\"", submissions[2]);
        Assert.EndsWith("DeepFm.Notebook.Hosting.NotebookHost.Initialize();", setup.TrimEnd());
        // Plotly.NET types may only be compiled after Initialize() installed the FSharp.Core redirect.
        var codeBeforeInitialize = string.Join('\n', setup.Split('\n').Where(line => !line.StartsWith("#r", StringComparison.Ordinal)));
        Assert.DoesNotContain("Plotly", codeBeforeInitialize);
        Assert.All(setup.Split('\n'), line => Assert.True(line.Length <= 120, $"{notebook}: set-up line over 120 characters: {line}"));
    }

    [Fact]
    public void SetupCellIsIdenticalInEveryNotebook()
    {
        var setups = NotebookPaths().ToDictionary(notebook => notebook, notebook => ExecutedCells.Read(Path.Combine(Layout.Root, notebook))[0].Source);
        var first = setups.First();
        Assert.All(setups, setup => Assert.True(setup.Value == first.Value,
            $"the set-up cell of {setup.Key} differs from that of {first.Key}; copy it so every notebook starts the same way"));
    }

    [Fact]
    public void TheSetupCellsBuildCheckIsTheTestedLibraryBuildClass()
    {
        // The notebooks #load this file before any DLL exists; it must compile as a script: no namespace there.
        var source = File.ReadAllText(Path.Combine(Layout.Root, "lib", "DeepFm.Notebook.Hosting", "Build", "LibraryBuild.cs"));
        var namespaceLine = source.IndexOf("namespace DeepFm.Notebook.Hosting;", StringComparison.Ordinal);
        Assert.True(namespaceLine > source.IndexOf("#if NETCOREAPP", StringComparison.Ordinal), "the namespace must be inside #if NETCOREAPP");
        Assert.True(source.IndexOf("#else", namespaceLine, StringComparison.Ordinal) > namespaceLine,
            "a script gets no implicit usings: list them under #else");
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void MetadataNamesTheDotnetCSharpKernel(string notebook)
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Layout.Root, notebook)))!["metadata"]!;

        Assert.Equal(NotebookRunner.KernelName, (string?)metadata["kernelspec"]?["name"]);
        Assert.Equal("C#", (string?)metadata["language_info"]?["name"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[^,"]+?)\s*,\s*(?<version>[^"]+?)\s*"\s*$""", RegexOptions.Multiline)]
    private static partial Regex NugetReference();
}
