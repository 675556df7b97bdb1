using System.IO.Compression;
using System.Text.Unicode;
using System.Text;

namespace DeepFm.Notebook.Data;

/// <summary>
/// The three MovieLens-100k files the tutorial needs — <c>u.data</c> (ratings), <c>u.user</c> (users) and
/// <c>u.item</c> (movies) — read from a <c>ml-100k.zip</c> or from an extracted folder. A local copy is checked by its
/// contents, not by checksum: repacked archives differ byte for byte but hold the same files.
/// </summary>
public sealed class MovieLensFiles(string source, MovieLensTextFile ratings, MovieLensTextFile users, MovieLensTextFile movies)
{
    /// <summary>Line counts of the real MovieLens-100k files.</summary>
    public const int FullRatingCount = 100_000, FullUserCount = 943, FullMovieCount = 1_682;

    private static readonly string[] RequiredFiles = ["u.data", "u.user", "u.item"];

    /// <summary>Where the files were read from (zip or folder path).</summary>
    public string Source { get; } = source;

    /// <summary><c>u.data</c>: user id \t item id \t rating \t timestamp.</summary>
    public MovieLensTextFile Ratings { get; } = ratings;

    /// <summary><c>u.user</c>: id|age|gender|occupation|zip code.</summary>
    public MovieLensTextFile Users { get; } = users;

    /// <summary><c>u.item</c>: id|title|release date|video release date|IMDb URL|19 genre flags.</summary>
    public MovieLensTextFile Movies { get; } = movies;

    /// <summary>
    /// Reads the files from <paramref name="path"/>: a zip archive (files at its root or in one folder such as
    /// <c>ml-100k/</c>), a folder holding the files, or a folder holding an <c>ml-100k</c> sub-folder.
    /// </summary>
    public static MovieLensFiles Read(string path)
    {
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return ReadFolder(fullPath);
        }
        if (File.Exists(fullPath))
        {
            return ReadZip(fullPath);
        }
        throw new MovieLensDataException($"MovieLens data not found at '{fullPath}': no such file or folder. "
            + "Pass the path of ml-100k.zip or of its extracted ml-100k folder "
            + $"{MovieLensArchive.WhereNotebooksTakeThePath}.");
    }

    /// <summary>
    /// Throws unless the files have the line counts of the real data set (100,000 ratings, 943 users, 1,682
    /// movies), which catches truncated copies.
    /// </summary>
    public void RequireFullDataset()
    {
        foreach ((MovieLensTextFile file, int expected) in new[]
                 { (Ratings, FullRatingCount), (Users, FullUserCount), (Movies, FullMovieCount) })
        {
            int lines = file.CountLines();
            if (lines != expected)
            {
                throw new MovieLensDataException($"{file.Name} in '{Source}' has {lines:N0} lines but MovieLens-100k has "
                    + $"{expected:N0}: the copy is truncated or is another data set. Replace it with the original ml-100k.zip.");
            }
        }
    }

    private static MovieLensFiles ReadFolder(string folder)
    {
        string nested = Path.Combine(folder, "ml-100k");
        string root = !File.Exists(Path.Combine(folder, "u.data")) && Directory.Exists(nested) ? nested : folder;
        string[] missing = RequiredFiles.Where(name => !File.Exists(Path.Combine(root, name))).ToArray();
        if (missing.Length > 0)
        {
            throw new MovieLensDataException($"The folder '{root}' lacks {string.Join(", ", missing)}. "
                + "It must hold the extracted MovieLens-100k files u.data, u.user and u.item (as in ml-100k.zip).");
        }
        MovieLensTextFile Load(string name) => new(Path.Combine(root, name), File.ReadAllBytes(Path.Combine(root, name)));
        return new MovieLensFiles(root, Load("u.data"), Load("u.user"), Load("u.item"));
    }

    private static MovieLensFiles ReadZip(string zipPath)
    {
        try
        {
            using ZipArchive archive = ZipFile.OpenRead(zipPath);
            // Entries are found by file name so that both "ml-100k/u.data" and a flat "u.data" layout work.
            ZipArchiveEntry? Find(string name) => archive.Entries
                .Where(entry => entry.Name == name && entry.FullName.Count(c => c == '/') <= 1)
                .OrderBy(entry => entry.FullName.Length)
                .FirstOrDefault();
            string[] missing = RequiredFiles.Where(name => Find(name) is null).ToArray();
            if (missing.Length > 0)
            {
                throw new MovieLensDataException($"The archive '{zipPath}' lacks {string.Join(", ", missing)}. "
                    + "It is not ml-100k.zip; download the original from https://files.grouplens.org/datasets/movielens/ml-100k.zip.");
            }
            MovieLensTextFile Load(string name)
            {
                ZipArchiveEntry entry = Find(name)!;
                using Stream stream = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                stream.CopyTo(buffer);
                return new MovieLensTextFile($"{entry.FullName} in {zipPath}", buffer.ToArray());
            }
            return new MovieLensFiles(zipPath, Load("u.data"), Load("u.user"), Load("u.item"));
        }
        catch (InvalidDataException error)
        {
            throw new MovieLensDataException($"The archive '{zipPath}' is corrupt or truncated ({error.Message}). "
                + "Delete it and download ml-100k.zip again.", error);
        }
    }
}

/// <summary>
/// One MovieLens-100k text file (<c>u.data</c>, <c>u.user</c> or <c>u.item</c>): its name, used in error messages, and
/// its raw bytes. GroupLens writes the files in ISO-8859-1 (Latin-1), and TFDS decodes every MovieLens file so:
/// <c>u.item</c> holds titles such as "Misérables, Les (1995)" whose "é" is the single byte 0xE9, which UTF-8 would
/// reject. Some mirrors re-encode the files as UTF-8 ("é" becomes the two bytes 0xC3 0xA9); read as Latin-1 those
/// would give "MisÃ©rables". So the encoding is detected (see <see cref="Encoding"/>) rather than assumed.
/// </summary>
public sealed class MovieLensTextFile(string name, byte[] content)
{
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private string? text;

    /// <summary>The file name, e.g. <c>u.item</c>, or a path when read from a folder.</summary>
    public string Name { get; } = name;

    /// <summary>The raw bytes of the file.</summary>
    public byte[] Content { get; } = content;

    /// <summary>
    /// How the bytes are decoded: UTF-8 when they are valid UTF-8 and hold at least one multi-byte sequence (or
    /// start with a UTF-8 byte order mark), else Latin-1. Real Latin-1 text with accents is almost never valid
    /// UTF-8 (a lone 0xE9 followed by a letter is not), and pure ASCII reads the same either way.
    /// </summary>
    public Encoding Encoding { get; } = DetectEncoding(content);

    /// <summary>The whole file decoded with <see cref="Encoding"/>, without a byte order mark.</summary>
    public string Text => text ??= Decode();

    private static Encoding DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8ByteOrderMark))
            return Encoding.UTF8;
        return !Ascii.IsValid(bytes) && Utf8.IsValid(bytes) ? Encoding.UTF8 : Encoding.Latin1;
    }

    private string Decode()
    {
        ReadOnlySpan<byte> bytes = Content;
        if (bytes.StartsWith(Utf8ByteOrderMark))
            bytes = bytes[Utf8ByteOrderMark.Length..];
        return Encoding.GetString(bytes);
    }

    /// <summary>Number of lines; a final line without a newline counts, a final newline does not start a new one.</summary>
    public int CountLines()
    {
        int newlines = Content.AsSpan().Count((byte)'\n');
        bool unterminatedLastLine = Content.Length > 0 && Content[^1] != (byte)'\n';
        return newlines + (unterminatedLastLine ? 1 : 0);
    }

    /// <summary>
    /// The lines with their 1-based numbers, stripped of surrounding whitespace (TFDS calls <c>line.strip()</c>,
    /// which also removes a Windows '\r'). The empty piece after the final newline is not a line.
    /// </summary>
    internal IEnumerable<(int Number, string Text)> Lines()
    {
        string[] lines = Text.Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++)
        {
            yield return (i + 1, lines[i].Trim());
        }
    }

    /// <summary>Splits a line into exactly <paramref name="expected"/> fields or explains why it cannot.</summary>
    internal string[] Fields(int lineNumber, string line, char separator, int expected, string layout)
    {
        string[] fields = line.Split(separator);
        if (fields.Length != expected)
        {
            string shown = line.Length > 80 ? line[..80] + "…" : line;
            throw MovieLensDataException.AtLine(Name, lineNumber,
                $"expected {expected} fields '{layout}' separated by '{(separator == '\t' ? "\\t" : separator.ToString())}'"
                + $" but found {fields.Length} in \"{shown}\"");
        }
        return fields;
    }

    /// <summary>Parses an integer field or reports the line.</summary>
    internal int Integer(int lineNumber, ReadOnlySpan<char> field, string what)
    {
        if (!int.TryParse(field, System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out int value))
        {
            throw MovieLensDataException.AtLine(Name, lineNumber, $"{what} \"{field}\" is not an integer");
        }
        return value;
    }
}

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
