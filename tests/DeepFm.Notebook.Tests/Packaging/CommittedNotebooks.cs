using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>
/// Read access to the notebooks as committed in notebooks/: their cells, sources and outputs, for the tests that
/// check what a reader sees without running anything.
/// </summary>
internal static class CommittedNotebooks
{
    public static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    /// <summary>The file names of the committed notebooks, in reading order (01-…, 02-…).</summary>
    public static IReadOnlyList<string> Names() => Layout.Notebooks().Select(path => Path.GetFileName(path)).ToList();

    /// <summary>A theory's data: one row per committed notebook.</summary>
    public static TheoryData<string> All() => new(Names());

    /// <summary>The cells of <paramref name="notebook"/> (a file name in notebooks/), with their positions.</summary>
    public static IReadOnlyList<(JsonNode Cell, int Index)> Cells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Layout.NotebooksFolder, notebook)))!["cells"]!.AsArray()
            .Select((cell, index) => (cell!, index)).ToList();

    public static bool IsCode(JsonNode cell) => (string?)cell["cell_type"] == "code";

    public static bool IsMarkdown(JsonNode cell) => (string?)cell["cell_type"] == "markdown";

    /// <summary>A cell's source as one string (nbformat stores it as a string or as a list of lines).</summary>
    public static string Source(JsonNode cell) => Text(cell["source"]);

    /// <summary>The outputs of a code cell (none for markdown cells).</summary>
    public static IReadOnlyList<JsonNode> Outputs(JsonNode cell) =>
        cell["outputs"] is JsonArray outputs ? outputs.Select(output => output!).ToList() : [];

    /// <summary>The MIME bundle of a display or result output; null for streams and errors.</summary>
    public static JsonObject? MimeBundle(JsonNode output) => output["data"] as JsonObject;

    /// <summary>The <c>text/html</c> of every output of <paramref name="notebook"/>, in cell order.</summary>
    public static IEnumerable<string> HtmlOutputs(string notebook) =>
        Cells(notebook).SelectMany(pair => Outputs(pair.Cell))
            .Select(MimeBundle)
            .Where(data => data?["text/html"] is not null)
            .Select(data => Text(data!["text/html"]));

    /// <summary>A notebook string field: a string, or a list of strings to concatenate.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        null => "",
        var text => (string?)text ?? "",
    };
}
