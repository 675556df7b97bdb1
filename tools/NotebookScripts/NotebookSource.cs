using System.Text.Json;

namespace DeepFm.NotebookScripts;

/// <summary>One cell of a notebook: its kind (<c>code</c>, <c>markdown</c>, <c>raw</c>), its text and its kernel.</summary>
/// <param name="Number">The cell's position, counted from 1.</param>
/// <param name="Kind">The cell type as the .ipynb file says it.</param>
/// <param name="Source">The cell's text, lines joined with \n.</param>
/// <param name="Kernel">The .NET Interactive kernel the cell runs in (<c>csharp</c> when the file does not say).</param>
public sealed record NotebookCell(int Number, string Kind, string Source, string Kernel)
{
    /// <summary>The cell's first non-empty line, cut to 60 characters: how an error points at the cell.</summary>
    public string FirstLine
    {
        get
        {
            string line = Source.Split('\n').Select(text => text.Trim()).FirstOrDefault(text => text.Length > 0) ?? "empty";
            return line.Length <= 60 ? line : line[..57] + "...";
        }
    }
}

/// <summary>A .NET Interactive notebook (.ipynb) read for its cells; outputs are ignored.</summary>
public sealed record NotebookSource(string RelativePath, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>The only kernel a script can hold: the notebooks are C# throughout.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>Reads <paramref name="path"/>; <paramref name="relativePath"/> is how errors name it.</summary>
    /// <exception cref="NotebookTranslationException">The file is not a C# notebook.</exception>
    public static NotebookSource Read(string path, string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        string? kernel = root.TryGetProperty("metadata", out var metadata) &&
                         metadata.TryGetProperty("kernelspec", out var spec) &&
                         spec.TryGetProperty("name", out var name) ? name.GetString() : null;
        if (kernel != ".net-csharp")
            throw new NotebookTranslationException(
                $"{relativePath}: kernel '{kernel ?? "none"}', expected '.net-csharp' (metadata.kernelspec.name); " +
                "only C# notebooks become C# files.");
        var cells = new List<NotebookCell>();
        foreach (var cell in root.GetProperty("cells").EnumerateArray())
        {
            string kind = cell.GetProperty("cell_type").GetString() ?? "";
            string source = cell.GetProperty("source") switch
            {
                { ValueKind: JsonValueKind.Array } lines => string.Concat(lines.EnumerateArray().Select(line => line.GetString())),
                var text => text.GetString() ?? "",
            };
            string cellKernel = cell.TryGetProperty("metadata", out var cellMetadata) &&
                                cellMetadata.TryGetProperty("polyglot_notebook", out var polyglot) &&
                                polyglot.TryGetProperty("kernelName", out var kernelName)
                ? kernelName.GetString() ?? CSharpKernel
                : CSharpKernel;
            cells.Add(new NotebookCell(cells.Count + 1, kind, source.ReplaceLineEndings("\n"), cellKernel));
        }
        return new NotebookSource(relativePath, cells);
    }
}
