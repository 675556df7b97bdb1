namespace DeepFm.RunNotebooks;

/// <summary>The outcome of executing one notebook headless.</summary>
/// <param name="Notebook">The notebook that was run.</param>
/// <param name="OutputPath">The executed copy, with outputs (absent when the kernel never wrote it).</param>
/// <param name="ExitCode">The exit code of dotnet repl or jupyter nbconvert.</param>
/// <param name="Elapsed">Wall-clock time, kernel start included.</param>
/// <param name="Failure">The first failing cell, if any cell failed.</param>
/// <param name="ProcessOutput">What the process printed (stdout then stderr), for failures no cell explains.</param>
/// <param name="TimedOut">True when the kernel was stopped because it ran past its time limit.</param>
public sealed record NotebookRun(
    string Notebook, string OutputPath, int ExitCode, TimeSpan Elapsed, NotebookCellFailure? Failure, string ProcessOutput,
    bool TimedOut = false)
{
    /// <summary>True when the kernel wrote the executed notebook (checked when the run ended: it may be moved later).</summary>
    public bool OutputWritten { get; } = File.Exists(OutputPath);

    /// <summary>True when the process succeeded, the executed notebook was written and no cell holds an error.</summary>
    public bool Succeeded => ExitCode == 0 && Failure is null && OutputWritten;

    /// <summary>A report naming the notebook and, on failure, the cell and the error.</summary>
    public string Describe()
    {
        var name = Path.GetFileName(Notebook);
        if (Succeeded)
            return $"{name}: ok ({Elapsed.TotalSeconds:F1} s)";
        if (Failure is not null)
            return $"{name}: {Failure}";
        if (TimedOut)
            return $"{name}: stopped after {RunSummary.Format(Elapsed)}, its time limit (the runner's --timeout MINUTES raises it).";
        var reason = OutputWritten ? $"exit code {ExitCode} but no cell holds an error"
            : ExitCode > 128 ? $"the kernel process was killed by signal {ExitCode - 128} (a native crash, e.g. an " +
                               "uncaught libtorch error) and wrote no executed notebook"
            : $"exit code {ExitCode} and no executed notebook was written";
        return $"{name}: {reason}. Process output (last lines):\n{Tail(ProcessOutput, 40)}";
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
