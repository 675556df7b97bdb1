using System.Text;
using System.Text.Unicode;

namespace DeepFm.Notebook.Data;

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

    /// <summary>A callback receiving one stripped line without allocating a string for it.</summary>
    internal delegate void LineAction(int number, ReadOnlySpan<char> line);

    /// <summary>
    /// Like <see cref="Lines"/> but hands each line to <paramref name="action"/> as a span: the 100,000 lines of
    /// <c>u.data</c> are parsed without a string per line.
    /// </summary>
    internal void ForEachLine(LineAction action)
    {
        ReadOnlySpan<char> rest = Text;
        for (int number = 1; rest.Length > 0; number++)
        {
            int end = rest.IndexOf('\n');
            ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            action(number, line.Trim());
        }
    }

    /// <summary>Splits a span line into exactly <paramref name="fields"/>.Length fields or explains why it cannot.</summary>
    internal void SplitFields(int lineNumber, ReadOnlySpan<char> line, char separator, Span<Range> fields, string layout)
    {
        // One spare slot: if it fills, the line has too many fields.
        Span<Range> found = stackalloc Range[fields.Length + 1];
        int count = line.Split(found, separator);
        if (count != fields.Length)
        {
            Fields(lineNumber, line.ToString(), separator, fields.Length, layout);
        }
        found[..fields.Length].CopyTo(fields);
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
