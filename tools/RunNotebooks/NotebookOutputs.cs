using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Copies the outputs of an executed notebook into the source notebook, keeping the source's own metadata.
/// </summary>
/// <remarks>
/// dotnet-repl rewrites the notebook metadata (it drops polyglot_notebook.kernelInfo, which VS Code reads) and stamps
/// each cell with execution times; taking only outputs and execution counts keeps diffs to what the code produced.
/// Kernel noise (<see cref="KernelNoise"/>) is left out. The file is written as Jupyter writes it: one-space indents, UTF-8 unescaped, trailing newline.
/// </remarks>
public static class NotebookOutputs
{
    /// <summary>Writes <paramref name="sourcePath"/>'s cells with <paramref name="executedPath"/>'s outputs to <paramref name="targetPath"/>.</summary>
    /// <exception cref="InvalidDataException">The two notebooks do not have the same cells.</exception>
    public static void Merge(string sourcePath, string executedPath, string targetPath)
    {
        var source = JsonNode.Parse(File.ReadAllText(sourcePath))!;
        var executed = JsonNode.Parse(File.ReadAllText(executedPath))!;
        var sourceCells = source["cells"]!.AsArray();
        var executedCells = executed["cells"]!.AsArray();
        if (sourceCells.Count != executedCells.Count)
            throw new InvalidDataException(
                $"{executedPath} has {executedCells.Count} cells but {sourcePath} has {sourceCells.Count}; not an execution of that notebook.");

        var executionCount = 0;
        for (var index = 0; index < sourceCells.Count; index++)
        {
            var cell = sourceCells[index]!.AsObject();
            if ((string?)cell["cell_type"] != "code")
                continue;
            var outputs = executedCells[index]!["outputs"]?.AsArray() ?? [];
            cell["outputs"] = new JsonArray(outputs.Where(output => !KernelNoise.IsNoise(output)).Select(output => output!.DeepClone()).ToArray());
            // dotnet repl records no execution counts; number the cells in run order, as Jupyter does, so readers
            // (and GitHub) see an executed notebook.
            executionCount++;
            cell["execution_count"] = executedCells[index]!["execution_count"]?.DeepClone() ?? JsonValue.Create(executionCount);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
        // Write beside the target, then rename: an interrupted run never leaves half a notebook.
        var temporary = targetPath + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   IndentSize = 1,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            source.WriteTo(writer);
        }
        File.AppendAllText(temporary, "\n");
        File.Move(temporary, targetPath, overwrite: true);
    }
}
