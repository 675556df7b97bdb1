namespace DeepFm.NotebookScripts;

/// <summary>
/// A notebook holds something the generator cannot turn into a C# file. The message names the notebook, the cell
/// (counted from 1, as a reader counts them in an editor) and what to change.
/// </summary>
public sealed class NotebookTranslationException(string message) : Exception(message)
{
    /// <summary>An error about cell <paramref name="cell"/> of <paramref name="notebook"/>.</summary>
    public static NotebookTranslationException InCell(string notebook, NotebookCell cell, string problem) =>
        new($"{notebook}, cell {cell.Number} ({cell.FirstLine}): {problem}");
}
