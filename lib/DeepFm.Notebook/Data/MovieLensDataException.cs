namespace DeepFm.Notebook.Data;

/// <summary>
/// The MovieLens data could not be found, downloaded, verified or parsed. The message names the file (and the line
/// for a parse error), says what is wrong and what to do about it.
/// </summary>
public sealed class MovieLensDataException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the remedy.</summary>
    public MovieLensDataException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the low-level cause (an I/O or zip error).</summary>
    public MovieLensDataException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>A malformed line: "u.data line 17: ...".</summary>
    internal static MovieLensDataException AtLine(string fileName, int lineNumber, string problem) =>
        new($"{fileName} line {lineNumber}: {problem}. The file is not in MovieLens-100k format; "
            + "re-extract it from the original ml-100k.zip or delete the cached copy to download it again.");
}
