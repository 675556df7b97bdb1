namespace DeepFm.RunNotebooks;

/// <summary>
/// Shows a run as it happens: one progress line per notebook (cell i of N, elapsed) and notes above them.
/// <see cref="LiveRunDisplay"/> draws on a terminal with Spectre.Console; <see cref="PlainRunDisplay"/> writes plain
/// lines for logs (CI, a pipe, a file).
/// </summary>
public interface IRunDisplay
{
    /// <summary>Runs <paramref name="run"/> with the display active (a live display must span the whole run).</summary>
    Task<T> ShowAsync<T>(Func<Task<T>> run);

    /// <summary>
    /// A notebook starts: the <paramref name="position"/>-th of <paramref name="total"/>, with
    /// <paramref name="codeCells"/> code cells.
    /// </summary>
    INotebookProgress Start(int position, int total, string name, int codeCells);

    /// <summary>A line for the reader: what was written where, or why a notebook failed.</summary>
    void Note(string text, bool isError = false);
}

/// <summary>The progress of one notebook.</summary>
public interface INotebookProgress
{
    /// <summary><paramref name="cellsStarted"/> cells have started; the last of them is running.</summary>
    void CellStarted(int cellsStarted);

    /// <summary>The notebook ended after <paramref name="elapsed"/>.</summary>
    void Finish(bool succeeded, TimeSpan elapsed);
}
