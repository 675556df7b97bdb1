using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Baselines;

/// <summary>
/// Notebooks 05 and 06 load ML.NET with their own <c>#r "nuget: Microsoft.ML, …"</c> after the set-up cell (the set-up
/// cell stays identical in every notebook). That pin must be the version the library's Baselines folder was built
/// against, and it must come before any cell that uses the FFM.
/// </summary>
public sealed partial class MlNetPinTests
{
    [Theory]
    [InlineData("05-compare-and-recommend.ipynb")]
    [InlineData("06-beyond-the-original.ipynb")]
    public void TheNotebookPinsTheCentralMlNetVersionBeforeItUsesTheFfm(string notebook)
    {
        string central = XDocument.Load(Path.Combine(Layout.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == "Microsoft.ML").Attribute("Version")!.Value;
        var codeCells = JsonNode.Parse(File.ReadAllText(Path.Combine(Layout.NotebooksFolder, notebook)))!["cells"]!.AsArray()
            .Where(cell => (string?)cell!["cell_type"] == "code")
            .Select(cell => string.Concat(cell!["source"]!.AsArray().Select(line => (string?)line)))
            .ToList();

        int pin = codeCells.FindIndex(source => MlNetReference().IsMatch(source));
        int firstUse = codeCells.FindIndex(source => source.Contains("FieldAwareFm") || source.Contains("FfmComparison"));

        Assert.True(pin > 0, $"{notebook}: a code cell after the set-up cell must say #r \"nuget: Microsoft.ML, {central}\"");
        Assert.Equal(central, MlNetReference().Match(codeCells[pin]).Groups["version"].Value);
        Assert.True(firstUse > pin, $"{notebook}: the FFM is used (code cell {firstUse + 1}) before ML.NET is loaded (cell {pin + 1})");
    }

    [GeneratedRegex("""#r "nuget: Microsoft\.ML, (?<version>[^"]+)"$""", RegexOptions.Multiline)]
    private static partial Regex MlNetReference();
}
