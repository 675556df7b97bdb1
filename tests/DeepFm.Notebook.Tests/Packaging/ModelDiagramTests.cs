using System.Xml.Linq;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// The model diagram (assets/diagrams/deepfm_model.svg, drawn by hand, and the PNG rendered from it) must show on
/// GitHub, which displays an SVG as an image: no script, no embedded HTML, nothing fetched from elsewhere. Notebook 03
/// and the README show it.
/// </summary>
public sealed class ModelDiagramTests
{
    private static readonly string Root = CommittedNotebooks.Layout.Root;
    private static readonly string SvgPath = Path.Combine(Root, "assets", "diagrams", "deepfm_model.svg");

    [Fact]
    public void TheSvgIsAPlainPictureWithItsOwnSize()
    {
        var svg = XDocument.Load(SvgPath).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(ns + "svg", svg.Name);
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.NotNull(svg.Attribute("width"));
        Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName is "script" or "foreignObject" or "image");
        Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(element => element.Attributes()),
            attribute => attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal)
                         || attribute.Value.Contains("http", StringComparison.Ordinal) && attribute.Name.LocalName == "href");
        // The parts the issue asks the picture to name.
        string text = string.Concat(svg.Descendants(ns + "text").Select(element => element.Value + " "));
        Assert.All(["shared embeddings", "first order", "FM", "DNN", "σ", "FactorizationMachine: no weights of its own"],
            part => Assert.Contains(part, text));
    }

    [Fact]
    public void ThePngBesideItIsAPng()
    {
        byte[] start = File.ReadAllBytes(Path.ChangeExtension(SvgPath, ".png")).Take(8).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, start);
    }

    [Fact]
    public void NotebookThreeAndTheReadmeShowIt()
    {
        Assert.Contains("](assets/diagrams/deepfm_model.svg)", File.ReadAllText(Path.Combine(Root, "README.md")));
        Assert.Contains("](../assets/diagrams/deepfm_model.svg)",
            File.ReadAllText(Path.Combine(CommittedNotebooks.Layout.NotebooksFolder, "03-deepfm.ipynb")));
    }
}
