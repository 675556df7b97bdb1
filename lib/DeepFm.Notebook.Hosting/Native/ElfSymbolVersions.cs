using System.Buffers.Binary;
using System.Text;

namespace DeepFm.Notebook.Hosting;

/// <summary>One symbol-version requirement (a <c>Vernaux</c> entry of <c>.gnu.version_r</c>): "needs VERSION from FILE".</summary>
/// <param name="Library">The shared library the version is needed from, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">The <c>vna_flags</c> field; bit <see cref="ElfSymbolVersions.WeakFlag"/> marks it weak.</param>
/// <param name="FlagsOffset">Where <c>vna_flags</c> sits in the file.</param>
public sealed record ElfVersionNeed(string Library, string Version, ushort Flags, long FlagsOffset)
{
    /// <summary>True when the dynamic loader only warns (instead of failing) if the version is missing.</summary>
    public bool IsWeak => (Flags & ElfSymbolVersions.WeakFlag) != 0;
}

/// <summary>
/// Reads the GNU symbol-versioning sections of a 64-bit little-endian ELF file: the versions it needs from other
/// libraries (<c>SHT_GNU_verneed</c>) and the versions it defines (<c>SHT_GNU_verdef</c>). Anything else is refused with
/// an <see cref="ElfFormatException"/>, so a caller never writes into a layout it does not understand.
/// </summary>
public static class ElfSymbolVersions
{
    /// <summary><c>VER_FLG_WEAK</c>: a weak version requirement (glibc's loader does not fail when it is absent).</summary>
    public const ushort WeakFlag = 0x2;

    private const uint SectionTypeVersionNeed = 0x6ffffffe;
    private const uint SectionTypeVersionDefinition = 0x6ffffffd;
    private const int SectionHeaderSize = 64;

    /// <summary>Every version requirement in <paramref name="elf"/>, in file order.</summary>
    public static IReadOnlyList<ElfVersionNeed> ReadNeeds(ReadOnlySpan<byte> elf, string fileName)
    {
        var needs = new List<ElfVersionNeed>();
        foreach (var (offset, count, strings) in SectionsOfType(elf, SectionTypeVersionNeed, fileName))
        {
            long need = offset;
            for (int i = 0; i < count; i++)
            {
                ushort auxCount = U16(elf, need + 2, fileName);
                string library = CString(elf, strings + U32(elf, need + 4, fileName), fileName);
                long aux = need + U32(elf, need + 8, fileName);
                for (int j = 0; j < auxCount; j++)
                {
                    needs.Add(new ElfVersionNeed(library, CString(elf, strings + U32(elf, aux + 8, fileName), fileName),
                        U16(elf, aux + 4, fileName), aux + 4));
                    aux += U32(elf, aux + 12, fileName);
                }
                need += U32(elf, need + 12, fileName);
            }
        }
        return needs;
    }

    /// <summary>Every version name <paramref name="elf"/> defines (for libstdc++: GLIBCXX_3.4, …, GLIBCXX_3.4.30, …).</summary>
    public static IReadOnlySet<string> ReadDefinitions(ReadOnlySpan<byte> elf, string fileName)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (offset, count, strings) in SectionsOfType(elf, SectionTypeVersionDefinition, fileName))
        {
            long definition = offset;
            for (int i = 0; i < count; i++)
            {
                // Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32;
                // the first Verdaux (vda_name u32, vda_next u32) names the version itself.
                long firstAux = definition + U32(elf, definition + 12, fileName);
                names.Add(CString(elf, strings + U32(elf, firstAux, fileName), fileName));
                definition += U32(elf, definition + 16, fileName);
            }
        }
        return names;
    }

    // Yields (section offset, entry count from sh_info, offset of the linked string table) for each section of a type.
    private static List<(long Offset, long Count, long Strings)> SectionsOfType(ReadOnlySpan<byte> elf, uint type, string fileName)
    {
        CheckHeader(elf, fileName);
        long sectionTable = (long)U64(elf, 0x28, fileName);
        int entrySize = U16(elf, 0x3A, fileName);
        int sectionCount = U16(elf, 0x3C, fileName);
        if (entrySize != SectionHeaderSize || sectionCount == 0)
        {
            throw new ElfFormatException(fileName, $"unexpected section header table (entry size {entrySize}, {sectionCount} sections)");
        }
        var found = new List<(long, long, long)>();
        for (int i = 0; i < sectionCount; i++)
        {
            long header = sectionTable + (long)i * SectionHeaderSize;
            if (U32(elf, header + 4, fileName) != type) continue;
            uint link = U32(elf, header + 40, fileName);
            if (link >= sectionCount) throw new ElfFormatException(fileName, $"section {i} links to missing section {link}");
            long strings = (long)U64(elf, sectionTable + (long)link * SectionHeaderSize + 24, fileName);
            found.Add(((long)U64(elf, header + 24, fileName), U32(elf, header + 44, fileName), strings));
        }
        return found;
    }

    private static void CheckHeader(ReadOnlySpan<byte> elf, string fileName)
    {
        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new ElfFormatException(fileName, "not an ELF file");
        if (elf[4] != 2) throw new ElfFormatException(fileName, "not a 64-bit ELF file");
        if (elf[5] != 1) throw new ElfFormatException(fileName, "not a little-endian ELF file");
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> elf, long offset, int length, string fileName) =>
        offset >= 0 && offset + length <= elf.Length
            ? elf.Slice((int)offset, length)
            : throw new ElfFormatException(fileName, $"offset 0x{offset:x} lies outside the file ({elf.Length} bytes)");

    private static ushort U16(ReadOnlySpan<byte> elf, long offset, string fileName) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(elf, offset, 2, fileName));
    private static uint U32(ReadOnlySpan<byte> elf, long offset, string fileName) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(elf, offset, 4, fileName));
    private static ulong U64(ReadOnlySpan<byte> elf, long offset, string fileName) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(elf, offset, 8, fileName));

    private static string CString(ReadOnlySpan<byte> elf, long offset, string fileName)
    {
        var rest = Slice(elf, offset, (int)Math.Min(256, elf.Length - offset), fileName);
        int end = rest.IndexOf((byte)0);
        if (end < 0) throw new ElfFormatException(fileName, $"unterminated string at 0x{offset:x}");
        return Encoding.ASCII.GetString(rest[..end]);
    }
}

/// <summary>The file is not an ELF layout this project knows how to read; nothing was written to it.</summary>
public sealed class ElfFormatException(string fileName, string problem)
    : Exception($"{fileName}: {problem}. The file was left unchanged.")
{
    /// <summary>The file that was refused.</summary>
    public string FileName { get; } = fileName;
}
