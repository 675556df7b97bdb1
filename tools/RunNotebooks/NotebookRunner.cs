namespace DeepFm.RunNotebooks;

/// <summary>
/// Executes notebooks headless, the way a reader's kernel would, and reports the first failing cell.
/// Two engines: <c>dotnet repl</c> (dotnet-repl, from .config/dotnet-tools.json) and Jupyter's
/// <c>jupyter nbconvert --execute</c> with the .NET Interactive kernel.
/// </summary>
public sealed class NotebookRunner(RepositoryLayout layout, IReadOnlyDictionary<string, string> environment, TimeSpan timeoutPerNotebook)
{
    /// <summary>The Jupyter kernelspec the notebooks name in their metadata.</summary>
    public const string KernelName = ".net-csharp";

    private bool toolsReady;

    /// <summary>
    /// Restores the local dotnet tools and builds the library in Release when its DLL is missing or older than its
    /// sources, since the notebooks load that DLL. Cheap when everything is up to date.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellation = default)
    {
        if (!toolsReady)
        {
            await RunCheckedAsync("dotnet", ["tool", "restore"], TimeSpan.FromMinutes(5), cancellation);
            toolsReady = true;
        }
        if (layout.LibraryIsStale())
            await RunCheckedAsync("dotnet", ["build", layout.LibraryProject, "-c", "Release", "-nologo", "-v", "q"], TimeSpan.FromMinutes(10), cancellation);
    }

    /// <summary>Runs <paramref name="notebook"/> with dotnet repl, writing the executed copy to <paramref name="outputPath"/>.</summary>
    public async Task<NotebookRun> RunWithReplAsync(string notebook, string outputPath, CancellationToken cancellation = default)
    {
        await PrepareAsync(cancellation);
        DeleteStale(outputPath);
        // dotnet-repl exits 2 when a cell fails and still writes the executed notebook.
        var result = await ProcessRunner.RunAsync("dotnet",
            ["repl", "--run", notebook, "--exit-after-run", "--output-path", outputPath],
            layout.Root, environment, timeoutPerNotebook, cancellation);
        return Outcome(notebook, outputPath, result);
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> with <c>jupyter nbconvert --execute</c> and the .NET (C#) kernel, installing
    /// the kernelspec first if Jupyter does not know it. The kernel starts in the notebook's folder, as in Jupyter.
    /// </summary>
    public async Task<NotebookRun> RunWithJupyterAsync(string notebook, string outputPath, CancellationToken cancellation = default)
    {
        await PrepareAsync(cancellation);
        await EnsureJupyterKernelAsync(cancellation);
        DeleteStale(outputPath);
        // --allow-errors: without it nbconvert writes nothing on a failing cell, and we want the cell's error.
        var result = await ProcessRunner.RunAsync("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", $"--ExecutePreprocessor.kernel_name={KernelName}",
             $"--ExecutePreprocessor.timeout={(int)timeoutPerNotebook.TotalSeconds}",
             "--output-dir", Path.GetDirectoryName(Path.GetFullPath(outputPath))!, "--output", Path.GetFileName(outputPath), notebook],
            layout.Root, environment, timeoutPerNotebook + TimeSpan.FromMinutes(1), cancellation);
        return Outcome(notebook, outputPath, result);
    }

    /// <summary>True when a <c>jupyter</c> command is on the PATH.</summary>
    public static bool JupyterIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, "jupyter")));

    private async Task EnsureJupyterKernelAsync(CancellationToken cancellation)
    {
        var kernels = await ProcessRunner.RunAsync("jupyter", ["kernelspec", "list"], layout.Root, null, TimeSpan.FromMinutes(1), cancellation);
        if (!kernels.Output.Split('\n').Any(line => line.Trim().StartsWith(KernelName + " ", StringComparison.Ordinal)))
            await RunCheckedAsync("dotnet", ["interactive", "jupyter", "install"], TimeSpan.FromMinutes(2), cancellation);
    }

    private static NotebookRun Outcome(string notebook, string outputPath, ProcessRunner.Result result)
    {
        var failure = File.Exists(outputPath) ? NotebookCellFailure.FindFirst(outputPath) : null;
        return new NotebookRun(notebook, outputPath, result.ExitCode, result.Elapsed, failure, result.Output);
    }

    private static void DeleteStale(string outputPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.Delete(outputPath); // a leftover from an earlier run must not pass for this run's result
    }

    private async Task RunCheckedAsync(string fileName, string[] arguments, TimeSpan timeout, CancellationToken cancellation)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, layout.Root, null, timeout, cancellation);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' failed in {layout.Root} with exit code {result.ExitCode}:\n{result.Output}");
    }
}
