namespace DeepFm.Notebook.Plots;

/// <summary>
/// A chart could not be saved where it was asked to be: the message names the path, why, and what to do instead
/// (rather than a bare <see cref="IOException"/> from deep inside the file system calls).
/// </summary>
public sealed class ChartSaveException : IOException
{
    /// <summary>Creates the exception with a message that names the path and the remedy.</summary>
    public ChartSaveException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
