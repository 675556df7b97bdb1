namespace DeepFm.RunNotebooks;

/// <summary>
/// Follows which cell dotnet repl is running. dotnet repl prints nothing while it runs a notebook and writes the
/// executed notebook only at the end, but with <c>--log-path</c> it logs every event as it happens: each cell,
/// markdown cells included, begins with one top-level "KernelInvocationContext ▶ SubmitCode" line. Counting those
/// lines and looking up the cell kinds in the notebook gives "code cell i of N".
/// </summary>
/// <remarks>The log is read incrementally (it grows to megabytes: it holds every output, charts included).</remarks>
/// <param name="logFolder">The folder passed to <c>dotnet repl --log-path</c>.</param>
/// <param name="isCodeCell">For each cell of the notebook, in order: true for a code cell.</param>
public sealed class ReplCellProgress(string logFolder, IReadOnlyList<bool> isCodeCell)
{
    // A cell's submission starting; the nested submissions dotnet repl makes for itself run under "KernelScheduler".
    private const string CellStartMarker = "[KernelInvocationContext] [KernelInvocationContext]  ▶";

    private string? logFile;
    private long offset;

    /// <summary>The folder passed to <c>dotnet repl --log-path</c>.</summary>
    public string LogFolder { get; } = logFolder;

    /// <summary>How many cells, markdown included, have started so far.</summary>
    public int CellsStarted { get; private set; }

    /// <summary>How many code cells have started so far (1 while the first code cell runs).</summary>
    public int CodeCellsStarted => isCodeCell.Take(CellsStarted).Count(isCode => isCode);

    /// <summary>Reads the complete lines the log gained since the last call and returns <see cref="CodeCellsStarted"/>.</summary>
    public int Poll()
    {
        logFile ??= Directory.Exists(LogFolder)
            ? Directory.GetFiles(LogFolder, "*.log").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (logFile is null)
            return CodeCellsStarted;
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= offset)
                return CodeCellsStarted;
            stream.Seek(offset, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - offset];
            stream.ReadExactly(bytes);
            // Only whole lines: the kernel may be half-way through writing the last one.
            var end = Array.LastIndexOf(bytes, (byte)'\n');
            if (end < 0)
                return CodeCellsStarted;
            offset += end + 1;
            CellsStarted += CountMarkers(System.Text.Encoding.UTF8.GetString(bytes, 0, end + 1));
        }
        catch (IOException)
        {
            // The kernel is writing or rotating the file; the next poll catches up.
        }
        return CodeCellsStarted;
    }

    private static int CountMarkers(string lines)
    {
        var count = 0;
        for (var at = lines.IndexOf(CellStartMarker, StringComparison.Ordinal); at >= 0;
             at = lines.IndexOf(CellStartMarker, at + CellStartMarker.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
