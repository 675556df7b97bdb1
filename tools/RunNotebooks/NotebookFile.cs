using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>Reads and writes .ipynb files the way Jupyter writes them, so a re-run changes only what it must.</summary>
public static class NotebookFile
{
    /// <summary>Parses a notebook file.</summary>
    /// <exception cref="InvalidDataException">The file is empty or has no <c>cells</c> array.</exception>
    public static JsonObject Read(string path)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} is empty or not a JSON object.");
        if (notebook["cells"] is not JsonArray)
            throw new InvalidDataException($"{path} has no \"cells\" array: not an nbformat-4 notebook.");
        return notebook;
    }

    /// <summary>nbformat's text: one string, or a list of lines each keeping its newline; "" for anything else.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        JsonValue value when value.TryGetValue(out string? text) => text ?? "",
        _ => "",
    };

    /// <summary>For each cell, in order: true for a code cell.</summary>
    public static IReadOnlyList<bool> CodeCellFlags(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select(cell => (string?)cell?["cell_type"] == "code").ToList();

    /// <summary>The number of code cells: what a kernel executes.</summary>
    public static int CodeCellCount(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Count(cell => (string?)cell?["cell_type"] == "code");

    /// <summary>
    /// Writes <paramref name="notebook"/> to <paramref name="path"/> with one-space indents, UTF-8 unescaped and a
    /// trailing newline (as Jupyter does). The file is written beside the target and then renamed over it, so an
    /// interrupted run never leaves half a notebook.
    /// </summary>
    public static void WriteAtomically(JsonNode notebook, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
                   {
                       Indented = true,
                       IndentSize = 1,
                       Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                   }))
            {
                notebook.WriteTo(writer);
            }
            stream.WriteByte((byte)'\n');
        }
        File.Move(temporary, path, overwrite: true);
    }
}
