namespace DeepFm.RunNotebooks;

/// <summary>
/// Executes notebooks headless, the way a reader's kernel would, and reports the first failing cell. The kernel
/// starts in the notebook's own folder, as VS Code and Jupyter start it. Two engines (<see cref="NotebookEngine"/>):
/// <c>dotnet repl</c> and Jupyter's <c>nbconvert --execute</c> with the .NET Interactive kernel.
/// </summary>
/// <remarks>
/// dotnet finds the local tool dotnet-repl from the kernel's folder (.config/dotnet-tools.json above it), so the
/// notebook must lie inside the repository. dotnet-repl's own <c>--working-dir</c> does not move the kernel (measured:
/// the kernel still saw the process's folder), so the process itself starts there.
/// </remarks>
/// <param name="layout">The repository.</param>
/// <param name="environment">Variables added to the kernel's environment (DEEPFM_EPOCHS, DEEPFM_DATA, …).</param>
/// <param name="timeoutPerNotebook">After this the kernel is killed and the run reported as timed out.</param>
/// <param name="prepared">True when the caller already restored the tools and built the library (the preflight did).</param>
public sealed class NotebookRunner(
    RepositoryLayout layout, IReadOnlyDictionary<string, string> environment, TimeSpan timeoutPerNotebook, bool prepared = false)
    : INotebookExecutor
{
    /// <summary>The Jupyter kernelspec the notebooks name in their metadata.</summary>
    public const string KernelName = JupyterKernel.KernelName;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Restores the local dotnet tools and builds the library when it is stale (<see cref="DeepFm.Notebook.Hosting.LibraryBuild"/>); once
    /// per runner. The run-all tool does this in its preflight; the notebook tests rely on it here.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellation = default)
    {
        if (prepared)
            return;
        await DotnetTools.RestoreAsync(layout, cancellation);
        await Task.Run(() => DeepFm.Notebook.Hosting.LibraryBuild.EnsureCurrent(layout.Root, TextWriter.Null), cancellation);
        prepared = true;
    }

    /// <summary>Runs <paramref name="notebook"/> with dotnet repl, writing the executed copy to <paramref name="outputPath"/>.</summary>
    public Task<NotebookRun> RunWithReplAsync(string notebook, string outputPath, CancellationToken cancellation = default) =>
        RunAsync(NotebookEngine.DotnetRepl, notebook, outputPath, cancellation: cancellation);

    /// <summary>
    /// Runs <paramref name="notebook"/> with Jupyter's nbconvert, writing the executed copy to <paramref name="outputPath"/>.
    /// </summary>
    public Task<NotebookRun> RunWithJupyterAsync(string notebook, string outputPath, CancellationToken cancellation = default) =>
        RunAsync(NotebookEngine.Jupyter, notebook, outputPath, cancellation: cancellation);

    /// <inheritdoc/>
    /// <remarks>
    /// Cell progress comes from dotnet repl's event log (<see cref="ReplCellProgress"/>) or from nbconvert's debug log.
    /// </remarks>
    public async Task<NotebookRun> RunAsync(NotebookEngine engine, string notebook, string outputPath,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, Action<int>? cellStarted = null,
        CancellationToken cancellation = default)
    {
        await PrepareAsync(cancellation);
        notebook = Path.GetFullPath(notebook);
        outputPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        File.Delete(outputPath); // a leftover from an earlier run must not pass for this run's result
        var variables = new Dictionary<string, string>(environment);
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
            variables[name] = value;
        var kernelFolder = Path.GetDirectoryName(notebook)!;
        if (engine == NotebookEngine.Jupyter)
            await JupyterKernel.EnsureKernelAsync(layout, cancellation);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var result = engine == NotebookEngine.Jupyter
                ? await RunJupyterAsync(notebook, outputPath, kernelFolder, variables, cellStarted, cancellation)
                : await RunReplAsync(notebook, outputPath, kernelFolder, variables, cellStarted, cancellation);
            var failure = File.Exists(outputPath) ? NotebookCellFailure.FindFirst(outputPath) : null;
            return new NotebookRun(notebook, outputPath, result.ExitCode, result.Elapsed, failure, result.Output);
        }
        catch (TimeoutException timeout)
        {
            // The kernel was killed: whatever it wrote is not a complete run.
            File.Delete(outputPath);
            return new NotebookRun(notebook, outputPath, -1, clock.Elapsed, null, timeout.Message, TimedOut: true);
        }
    }

    /// <summary>True when a <c>jupyter</c> command is on the PATH.</summary>
    public static bool JupyterIsInstalled() => JupyterKernel.FindJupyter(Environment.GetEnvironmentVariable("PATH")) is not null;

    private Task<ProcessRunner.Result> RunJupyterAsync(string notebook, string outputPath, string kernelFolder,
        IReadOnlyDictionary<string, string> variables, Action<int>? cellStarted, CancellationToken cancellation)
    {
        // nbconvert says which cell it executes only at debug level ("[NbConvertApp] Executing cell:", code cells only).
        var started = 0;
        void CountCells(string line)
        {
            if (line.StartsWith(JupyterKernel.CellStartLogLine, StringComparison.Ordinal))
                cellStarted?.Invoke(Interlocked.Increment(ref started));
        }
        // --allow-errors: without it nbconvert writes nothing on a failing cell, and we want the cell's error.
        return ProcessRunner.RunAsync("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", $"--ExecutePreprocessor.kernel_name={KernelName}",
             $"--ExecutePreprocessor.timeout={(int)timeoutPerNotebook.TotalSeconds}", "--log-level=DEBUG",
             "--output-dir", Path.GetDirectoryName(outputPath)!, "--output", Path.GetFileName(outputPath), notebook],
            kernelFolder, variables, timeoutPerNotebook + TimeSpan.FromMinutes(1), cancellation, CountCells);
    }

    private async Task<ProcessRunner.Result> RunReplAsync(string notebook, string outputPath, string kernelFolder,
        IReadOnlyDictionary<string, string> variables, Action<int>? cellStarted, CancellationToken cancellation)
    {
        var logFolder = Directory.CreateTempSubdirectory("deepfm-repl-log-").FullName;
        try
        {
            // dotnet-repl exits 2 when a cell fails and still writes the executed notebook.
            var process = ProcessRunner.RunAsync("dotnet",
                ["repl", "--run", notebook, "--exit-after-run", "--output-path", outputPath, "--log-path", logFolder],
                kernelFolder, variables, timeoutPerNotebook, cancellation);
            var progress = new ReplCellProgress(logFolder, NotebookFile.CodeCellFlags(NotebookFile.Read(notebook)));
            await FollowCellsAsync(process, progress, cellStarted);
            return await process;
        }
        finally
        {
            Directory.Delete(logFolder, recursive: true);
        }
    }

    private static async Task FollowCellsAsync(Task process, ReplCellProgress progress, Action<int>? cellStarted)
    {
        var reported = 0;
        while (!process.IsCompleted)
        {
            await Task.WhenAny(process, Task.Delay(PollInterval));
            var started = progress.Poll();
            if (started != reported && cellStarted is not null)
                cellStarted(started);
            reported = started;
        }
    }
}
