using Spectre.Console;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Live progress on a terminal with Spectre.Console: one bar per notebook that fills cell by cell, with
/// "cell i/N", the elapsed time and a spinner while the kernel works; notes print above the bars.
/// </summary>
public sealed class LiveRunDisplay(IAnsiConsole console) : IRunDisplay
{
    private ProgressContext? context;

    /// <inheritdoc/>
    public Task<T> ShowAsync<T>(Func<Task<T>> run) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                     new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async live =>
            {
                context = live;
                try { return await run(); }
                finally { context = null; }
            });

    /// <inheritdoc/>
    public INotebookProgress Start(int position, int total, string name, int codeCells)
    {
        var prefix = $"[grey][[{position}/{total}]][/] {Markup.Escape(name)}";
        var task = context?.AddTask($"{prefix} [grey]running[/]", maxValue: Math.Max(codeCells, 1))
            ?? throw new InvalidOperationException("Start a notebook inside ShowAsync.");
        return new Progress(task, prefix, codeCells);
    }

    /// <inheritdoc/>
    public void Note(string text, bool isError = false) =>
        console.MarkupLine(isError ? $"[red]{Markup.Escape(text)}[/]" : Markup.Escape(text));

    private sealed class Progress(ProgressTask task, string prefix, int codeCells) : INotebookProgress
    {
        public void CellStarted(int cellsStarted)
        {
            var cell = Math.Min(cellsStarted, codeCells);
            task.Description = $"{prefix} cell {cell}/{codeCells}";
            task.Value = Math.Max(cell - 1, 0); // the cells before the running one are done
        }

        public void Finish(bool succeeded, TimeSpan elapsed)
        {
            task.Description = succeeded ? $"{prefix} [green]ok[/]" : $"{prefix} [red]FAILED[/]";
            if (succeeded)
                task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
