using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>
/// The first cell of an executed notebook whose outputs hold an error: its index among all cells (0-based, as in
/// the .ipynb file), the first line of its source and the error text the kernel reported.
/// </summary>
public sealed record NotebookCellFailure(int CellIndex, string FirstSourceLine, string ErrorName, string ErrorText)
{
    /// <summary>Reads an executed notebook (nbformat 4) and returns its first failing cell, or null if none failed.</summary>
    /// <exception cref="InvalidDataException">The file is not an nbformat-4 notebook.</exception>
    public static NotebookCellFailure? FindFirst(string executedNotebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedNotebookPath))
            ?? throw new InvalidDataException($"{executedNotebookPath} is empty.");
        var cells = notebook["cells"] as JsonArray
            ?? throw new InvalidDataException($"{executedNotebookPath} has no \"cells\" array: not an nbformat-4 notebook.");

        for (var index = 0; index < cells.Count; index++)
        {
            var error = (cells[index]?["outputs"] as JsonArray)?
                .FirstOrDefault(output => (string?)output?["output_type"] == "error");
            if (error is null)
                continue;
            var errorText = (string?)error["evalue"] ?? "";
            // .NET Interactive puts the stack trace in evalue and repeats it in traceback; keep only what is new.
            var traceback = (error["traceback"] as JsonArray ?? [])
                .Select(line => (string?)line)
                .Where(line => !string.IsNullOrWhiteSpace(line) && !errorText.Contains(line!.Trim(), StringComparison.Ordinal));
            if (traceback.Any())
                errorText = $"{errorText}\n{string.Join('\n', traceback)}";
            return new NotebookCellFailure(index, FirstLine(cells[index]!["source"]), (string?)error["ename"] ?? "Error", errorText.Trim());
        }
        return null;
    }

    /// <summary>One line for a person: which cell failed and why.</summary>
    public override string ToString() =>
        $"cell {CellIndex} (\"{FirstSourceLine}\") failed: {ErrorName}: {ErrorText}";

    // nbformat stores source either as one string or as a list of lines.
    private static string FirstLine(JsonNode? source)
    {
        var text = source switch
        {
            JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
            JsonValue value => (string?)value ?? "",
            _ => "",
        };
        return text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
    }
}
