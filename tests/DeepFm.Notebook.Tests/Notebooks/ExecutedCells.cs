using System.Text.Json.Nodes;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>The code cells of a notebook file, with their first source line and their text/html outputs.</summary>
internal sealed record ExecutedCells(int Index, string FirstLine, string Source, IReadOnlyList<string> HtmlOutputs)
{
    public static IReadOnlyList<ExecutedCells> Read(string notebookPath)
    {
        var cells = JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray();
        return cells
            .Select((cell, index) => (cell: cell!, index))
            .Where(pair => (string?)pair.cell["cell_type"] == "code")
            .Select(pair =>
            {
                var source = Text(pair.cell["source"]);
                var html = (pair.cell["outputs"] as JsonArray ?? [])
                    .Select(output => output?["data"]?["text/html"])
                    .Where(node => node is not null)
                    .Select(Text)
                    .ToList();
                return new ExecutedCells(pair.index, source.Split('\n')[0].Trim(), source, html);
            })
            .ToList();
    }

    // nbformat stores multi-line text either as one string or as a list of lines.
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
