using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>A run display that records what it was told, for the runner tests.</summary>
internal sealed class RecordingDisplay : IRunDisplay
{
    public List<string> Notes { get; } = [];
    public List<string> Errors { get; } = [];
    public List<string> Progress { get; } = [];

    public Task<T> ShowAsync<T>(Func<Task<T>> run) => run();

    public INotebookProgress Start(int position, int total, string name, int codeCells)
    {
        Progress.Add($"{position}/{total} {name} ({codeCells} code cells):");
        return new Recorder(this, Progress.Count - 1);
    }

    public void Note(string text, bool isError = false) => (isError ? Errors : Notes).Add(text);

    private sealed class Recorder(RecordingDisplay display, int line) : INotebookProgress
    {
        public void CellStarted(int cellsStarted) => display.Progress[line] += $" {cellsStarted}";

        public void Finish(bool succeeded, TimeSpan elapsed) => display.Progress[line] += succeeded ? " ok" : " FAILED";
    }
}
