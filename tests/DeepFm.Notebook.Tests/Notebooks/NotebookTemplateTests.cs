using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>
/// Every notebook opens the same way: a references cell pinning the same package versions as the library
/// (Directory.Packages.props), then a setup cell that loads the Release library and calls NotebookSetup.Initialize(),
/// and .NET Interactive metadata that VS Code Polyglot Notebooks and Jupyter both understand.
/// </summary>
public sealed partial class NotebookTemplateTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    /// <summary>The tutorial notebooks plus the test fixture notebooks.</summary>
    public static TheoryData<string> AllNotebooks() => new(
        Layout.Notebooks()
            .Concat(Directory.GetFiles(Path.Combine(Layout.Root, "tests", "DeepFm.Notebook.Tests", "Notebooks"), "*.ipynb"))
            .Select(path => Path.GetRelativePath(Layout.Root, path)));

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
    public void SetupCellLoadsTheReleaseLibraryBeforeAnyPlotlyCode(string notebook)
    {
        var codeCells = ExecutedCells.Read(Path.Combine(Layout.Root, notebook));
        Assert.True(codeCells.Count >= 2, $"{notebook} needs a references cell and a setup cell");
        Assert.Contains("DeepFm.Notebooks.slnx", codeCells[0].Source); // moves the kernel to the repository root
        Assert.StartsWith($"#r \"{RepositoryLayout.LibraryRelativePath}\"", codeCells[1].Source);
        Assert.Contains("NotebookSetup.Initialize();", codeCells[1].Source);
        // Plotly.NET types may only be compiled after Initialize() installed the FSharp.Core redirect.
        var codeBeforeSetup = string.Join('\n', codeCells[0].Source.Split('\n').Where(line => !line.StartsWith("#r", StringComparison.Ordinal)));
        Assert.DoesNotContain("Plotly", codeBeforeSetup);
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
