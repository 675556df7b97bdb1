using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// Stands in for dotnet repl in the runner tests: "executes" a notebook by giving each code cell an output (or an
/// error in <see cref="FailingCell"/>) and saves <see cref="ChartFiles"/> where DEEPFM_ASSETS points, as the real
/// notebooks save charts. Reports each cell as started, like the real log.
/// </summary>
internal sealed class FakeKernel : INotebookExecutor
{
    /// <summary>The index (among all cells) of the code cell that throws; null: none.</summary>
    public int? FailingCell { get; init; }

    /// <summary>Files the notebook saves into its assets folder before any cell fails.</summary>
    public IReadOnlyDictionary<string, string> ChartFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>True: the kernel is stopped at its time limit after saving the charts, writing no notebook.</summary>
    public bool TimesOut { get; init; }

    /// <summary>An output a cell (by index) displays instead of its "ran cell N" line, e.g. a chart.</summary>
    public IReadOnlyDictionary<int, JsonObject> CellOutputs { get; init; } = new Dictionary<int, JsonObject>();

    /// <summary>What DEEPFM_ASSETS was for each run.</summary>
    public List<string?> AssetsFolders { get; } = [];

    public Task<NotebookRun> RunAsync(NotebookEngine engine, string notebook, string outputPath,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, Action<int>? cellStarted = null,
        CancellationToken cancellation = default)
    {
        var assets = extraEnvironment?.GetValueOrDefault(NotebookEnvironment.AssetsVariable);
        AssetsFolders.Add(assets);
        foreach (var (name, content) in ChartFiles)
            File.WriteAllText(Path.Combine(assets ?? throw new InvalidOperationException("no DEEPFM_ASSETS"), name), content);

        if (TimesOut)
            return Task.FromResult(new NotebookRun(notebook, outputPath, -1, TimeSpan.FromMinutes(30), null, "", TimedOut: true));

        var executed = NotebookFile.Read(notebook);
        var started = 0;
        var cells = executed["cells"]!.AsArray();
        for (var index = 0; index < cells.Count; index++)
        {
            if ((string?)cells[index]!["cell_type"] != "code")
                continue;
            cellStarted?.Invoke(++started);
            cells[index]!["outputs"] = index == FailingCell
                ? new JsonArray(new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "System.Exception: boom at /home/someone/x.cs",
                    ["traceback"] = new JsonArray(),
                })
                : CellOutputs.TryGetValue(index, out var shown) ? new JsonArray(shown.DeepClone())
                : new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = $"ran cell {index}\n" });
        }
        NotebookFile.WriteAtomically(executed, outputPath);
        var failure = NotebookCellFailure.FindFirst(outputPath);
        return Task.FromResult(new NotebookRun(notebook, outputPath, failure is null ? 0 : 2, TimeSpan.FromSeconds(1), failure, ""));
    }
}
