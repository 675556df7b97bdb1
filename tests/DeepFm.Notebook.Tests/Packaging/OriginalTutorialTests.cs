using System.Text.RegularExpressions;
using static DeepFm.Notebook.Tests.Packaging.CommittedNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The original TensorFlow tutorial is cited where it can still be found, and its plots are shown with their
/// attribution. Its notebook was deleted from deep_recommenders' master in 2021, so every link is pinned to the last
/// commit that holds it; the plots in assets/original/ keep the repository's Apache-2.0 licence and their source.
/// </summary>
public sealed partial class OriginalTutorialTests
{
    /// <summary>The last commit of LongmaoTeamTf/deep_recommenders that holds experiments/deepfm.ipynb.</summary>
    public const string PinnedCommit = "294bbd6f7b8eedf7173cbf89999c41e149035167";

    private static readonly string OriginalFolder = Path.Combine(Layout.Root, "assets", "original");

    public static TheoryData<string> Documents() =>
        new(Names().Select(name => "notebooks/" + name).Append("README.md").Append("assets/original/README.md")
            .Concat(ReadmeClaimsTests.Documents().Skip(1)));

    [Theory]
    [MemberData(nameof(Documents))]
    public void LinksToTheOriginalNotebookArePinnedToItsLastCommit(string document)
    {
        string text = File.ReadAllText(Path.Combine(Layout.Root, document));
        foreach (Match link in OriginalNotebookLink().Matches(text))
            Assert.True(link.Groups["commit"].Value == PinnedCommit,
                $"{document} links the original notebook at '{link.Groups["commit"].Value}', which does not hold it "
                + $"(or will not forever); pin it to {PinnedCommit}.");
    }

    [Fact]
    public void TheReadmeAndNotebook01LinkTheOriginal()
    {
        Assert.Matches(OriginalNotebookLink(), File.ReadAllText(Path.Combine(Layout.Root, "README.md")));
        Assert.Matches(OriginalNotebookLink(), File.ReadAllText(Path.Combine(Layout.NotebooksFolder, "01-data.ipynb")));
    }

    [Fact]
    public void TheOriginalsPlotsComeWithTheirLicenceAndSource()
    {
        foreach (var plot in new[] { "deepfm_auc.png", "deepfm_loss.png" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(OriginalFolder, plot));
            Assert.True(bytes.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{plot} is not a PNG");
        }
        string licence = File.ReadAllText(Path.Combine(OriginalFolder, "LICENSE"));
        Assert.Contains("Apache License", licence);
        Assert.Contains("Version 2.0, January 2004", licence);
        string notice = File.ReadAllText(Path.Combine(OriginalFolder, "README.md"));
        Assert.Contains("github.com/LongmaoTeamTf/deep_recommenders", notice);
        Assert.Contains(PinnedCommit, notice);
        Assert.Contains("experiments/assets/deepfm_auc.png", notice);
    }

    [Fact]
    public void Notebook04ShowsTheOriginalsPlotsNextToOurs()
    {
        string markdown = string.Concat(Cells("04-train-eval.ipynb").Where(pair => IsMarkdown(pair.Cell)).Select(pair => Source(pair.Cell)));
        Assert.Contains("](../assets/original/deepfm_auc.png)", markdown);
        Assert.Contains("](../assets/original/deepfm_loss.png)", markdown);
    }

    // A link to the original notebook: .../deep_recommenders/blob/<branch or commit>/experiments/deepfm.ipynb
    [GeneratedRegex(@"github\.com/LongmaoTeamTf/deep_recommenders/blob/(?<commit>[^/\s)]+)/experiments/deepfm\.ipynb")]
    private static partial Regex OriginalNotebookLink();
}
