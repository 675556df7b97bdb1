using DeepFm.NotebookScripts;

namespace DeepFm.Notebook.Tests.Scripts;

public sealed class MarkdownCommentsTests
{
    [Fact]
    public void TextBecomesCommentsAndHeadingsArePrinted()
    {
        string script = MarkdownComments.Translate("# Title \"quoted\"\n\nSome *text*.\n\nMore.\n\n## Next\nEnd.\n");

        Assert.Equal(
            "Section(\"# Title \\\"quoted\\\"\");\n// Some *text*.\n//\n// More.\n\nSection(\"## Next\");\n// End.",
            script);
    }

    [Fact]
    public void AHashInsideFencedCodeIsNotAHeading()
    {
        string script = MarkdownComments.Translate("```bash\n# a shell comment\n```");

        Assert.Equal("// ```bash\n// # a shell comment\n// ```", script);
    }

    [Theory]
    [InlineData("## Heading", true)]
    [InlineData("###### Six", true)]
    [InlineData("#", true)]
    [InlineData("####### Seven", false)]
    [InlineData("#hashtag", false)]
    [InlineData("    # indented code", false)]
    public void HeadingsAreAtxHeadings(string line, bool heading) =>
        Assert.Equal(heading, MarkdownComments.IsHeading(line));
}
