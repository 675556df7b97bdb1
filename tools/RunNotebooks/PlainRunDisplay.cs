using System.Diagnostics;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Progress as plain lines, for output that is not a terminal (CI logs, pipes): a line when a notebook starts, a
/// line when a code cell starts if <see cref="MinimumGap"/> has passed since the last line (so a log shows where a
/// long notebook is without one line per short cell), a "still running" line every <see cref="Heartbeat"/> during
/// a long cell (so a log, and a CI job watching it, never goes quiet for minutes), and a line when it ends.
/// </summary>
public sealed class PlainRunDisplay(TextWriter output, TextWriter errors) : IRunDisplay
{
    /// <summary>The least time between two progress lines of one notebook.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(10);

    /// <summary>How often a line is written while one cell runs for long.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);

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

    private sealed class Progress : INotebookProgress
    {
        private readonly TextWriter output;
        private readonly string prefix;
        private readonly int codeCells;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Timer heartbeat;
        private readonly Lock gate = new();
        private TimeSpan lastLine = TimeSpan.Zero;
        private int cell;

        public Progress(TextWriter output, string prefix, int codeCells)
        {
            this.output = output;
            this.prefix = prefix;
            this.codeCells = codeCells;
            heartbeat = new Timer(_ => Line(force: false, verb: "still in"), null, Heartbeat, Heartbeat);
        }

        public void CellStarted(int cellsStarted)
        {
            lock (gate)
                cell = Math.Min(cellsStarted, codeCells);
            Line(force: false, verb: "at");
        }

        public void Finish(bool succeeded, TimeSpan elapsed)
        {
            heartbeat.Dispose();
            Write(output, $"{prefix}: {(succeeded ? "ok" : "FAILED")} in {RunSummary.Format(elapsed)}");
        }

        private void Line(bool force, string verb)
        {
            string text;
            lock (gate)
            {
                var now = clock.Elapsed;
                if (!force && now - lastLine < MinimumGap)
                    return;
                lastLine = now;
                // Before the first cell starts (the kernel is loading): only the time.
                text = cell == 0
                    ? $"{prefix}: still running, {RunSummary.Format(now)} elapsed"
                    : $"{prefix}: {verb} cell {cell}/{codeCells}, {RunSummary.Format(now)} elapsed";
            }
            Write(output, text);
        }
    }
}
