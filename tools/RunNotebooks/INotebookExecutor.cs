namespace DeepFm.RunNotebooks;

/// <summary>Executes one notebook headless (<see cref="NotebookRunner"/>; tests substitute a fake kernel).</summary>
public interface INotebookExecutor
{
    /// <summary>
    /// Runs <paramref name="notebook"/> with <paramref name="engine"/>, writing the executed copy to
    /// <paramref name="outputPath"/>. <paramref name="extraEnvironment"/> is added for this run only;
    /// <paramref name="cellStarted"/> receives the number of cells started so far each time a cell starts.
    /// </summary>
    Task<NotebookRun> RunAsync(NotebookEngine engine, string notebook, string outputPath,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, Action<int>? cellStarted = null,
        CancellationToken cancellation = default);
}
