using System.Diagnostics;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Progress as plain lines, for output that is not a terminal (CI logs, pipes): a line when a notebook starts, a
/// line when a cell starts if <see cref="MinimumGap"/> has passed since the last one (so a log shows where a
/// long notebook is without one line per short cell), and a line when it ends.
/// </summary>
public sealed class PlainRunDisplay(TextWriter output, TextWriter errors) : IRunDisplay
{
    /// <summary>The least time between two "cell i/N" lines of one notebook.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public Task<T> ShowAsync<T>(Func<Task<T>> run) => run();

    /// <inheritdoc/>
    public INotebookProgress Start(int position, int total, string name, int codeCells)
    {
        var prefix = $"[{position}/{total}] {name}";
        Write(output, $"{prefix}: running ({codeCells} code cells)");
        return new Progress(output, prefix, codeCells);
    }

    /// <inheritdoc/>
    public void Note(string text, bool isError = false) => Write(isError ? errors : output, text);

    private static void Write(TextWriter writer, string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class Progress(TextWriter output, string prefix, int codeCells) : INotebookProgress
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private TimeSpan lastLine = TimeSpan.Zero;

        public void CellStarted(int cellsStarted)
        {
            var now = clock.Elapsed;
            if (now - lastLine < MinimumGap)
                return;
            lastLine = now;
            Write(output, $"{prefix}: cell {Math.Min(cellsStarted, codeCells)}/{codeCells}, {RunSummary.Format(now)} elapsed");
        }

        public void Finish(bool succeeded, TimeSpan elapsed) =>
            Write(output, $"{prefix}: {(succeeded ? "ok" : "FAILED")} in {RunSummary.Format(elapsed)}");
    }
}
