using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>
/// The first cell of an executed notebook whose outputs hold an error: its index among all cells (0-based, as in
/// the .ipynb file), the first line of its source and the error text the kernel reported.
/// </summary>
public sealed record NotebookCellFailure(int CellIndex, string FirstSourceLine, string ErrorName, string ErrorText)
{
    /// <summary>
    /// Its number among the code cells, from 1, as the run's progress counts them ("code cell 3 of 11"); 0 when
    /// unknown.
    /// </summary>
    public int CodeCellNumber { get; init; }

    /// <summary>How a reader finds the cell: "code cell 3" (or "cell 5" of the file when the number is unknown).</summary>
    public string Location => CodeCellNumber > 0 ? $"code cell {CodeCellNumber}" : $"cell {CellIndex}";

    /// <summary>Reads an executed notebook (nbformat 4) and returns its first failing cell, or null if none failed.</summary>
    /// <exception cref="InvalidDataException">The file is not an nbformat-4 notebook.</exception>
    public static NotebookCellFailure? FindFirst(string executedNotebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedNotebookPath))
            ?? throw new InvalidDataException($"{executedNotebookPath} is empty.");
        var cells = notebook["cells"] as JsonArray
            ?? throw new InvalidDataException($"{executedNotebookPath} has no \"cells\" array: not an nbformat-4 notebook.");

        var codeCells = 0;
        for (var index = 0; index < cells.Count; index++)
        {
            if ((string?)cells[index]?["cell_type"] == "code")
                codeCells++;
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
            return new NotebookCellFailure(index, FirstLine(cells[index]!["source"]), (string?)error["ename"] ?? "Error", errorText.Trim())
            {
                CodeCellNumber = codeCells,
            };
        }
        return null;
    }

    /// <summary>One line for a person: which cell failed and why.</summary>
    public override string ToString() =>
        $"{Location} (\"{FirstSourceLine}\") failed: {ErrorName}: {ErrorText}";

    private static string FirstLine(JsonNode? source)
    {
        return NotebookFile.Text(source).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
    }
}
