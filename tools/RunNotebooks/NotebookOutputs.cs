using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Copies the outputs of an executed notebook into the source notebook, keeping the source's own metadata.
/// </summary>
/// <remarks>
/// dotnet-repl rewrites the notebook metadata (it drops polyglot_notebook.kernelInfo, which VS Code reads) and stamps
/// each cell with execution times; taking only outputs and execution counts keeps diffs to what the code produced.
/// Kernel noise (<see cref="KernelNoise"/>) is left out. Cells keep their ids, and get one if they lack it
/// (<see cref="CellIds"/>). The file is written as Jupyter writes it (<see cref="NotebookFile"/>).
/// </remarks>
public static class NotebookOutputs
{
    /// <summary>Writes <paramref name="sourcePath"/>'s cells with <paramref name="executedPath"/>'s outputs to <paramref name="targetPath"/>.</summary>
    /// <exception cref="InvalidDataException">The two notebooks do not have the same cells.</exception>
    public static void Merge(string sourcePath, string executedPath, string targetPath)
    {
        var source = NotebookFile.Read(sourcePath);
        var executed = NotebookFile.Read(executedPath);
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
        CellIds.Ensure(source);
        NotebookFile.WriteAtomically(source, targetPath);
    }
}
