using System.Buffers.Binary;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Reads the pixel width and height of a PNG file from its header (the 8-byte signature, then the IHDR chunk),
/// to check that an exported image is really a PNG of the size that was asked for.
/// </summary>
public static class PngSize
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height, in pixels, of the PNG at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file does not start like a PNG.</exception>
    public static (int Width, int Height) Read(string path)
    {
        // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4): both are big-endian.
        var header = new byte[24];
        using (var stream = File.OpenRead(path))
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
                throw new InvalidDataException($"'{path}' is too short to be a PNG ({stream.Length} bytes).");

        if (!header.AsSpan(0, 8).SequenceEqual(Signature) || header[12] != 'I' || header[13] != 'H' ||
            header[14] != 'D' || header[15] != 'R')
            throw new InvalidDataException($"'{path}' is not a PNG file (no PNG signature and IHDR chunk).");

        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)),
                BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }
}
