namespace DeepFm.Notebook.Hosting;

/// <summary>What <see cref="WeakVersionPatcher.MarkWeak"/> did to a file.</summary>
public enum WeakVersionOutcome
{
    /// <summary>The requirement was strong and is now weak; the file was rewritten.</summary>
    Patched,

    /// <summary>The requirement was weak already; the file was not touched.</summary>
    AlreadyWeak,

    /// <summary>The file does not require that version at all; the file was not touched.</summary>
    NotRequired,
}

/// <summary>
/// Marks one symbol-version requirement of a shared library weak (<c>VER_FLG_WEAK</c>), so glibc's loader accepts
/// a system library that lacks that version.
/// <para>
/// Why TorchSharp needs it: TorchSharp 0.107's <c>libLibTorchSharp.so</c> was linked against GCC 13 and so requires
/// <c>GLIBCXX_3.4.32</c>, but only for <c>std::ios_base_library_init</c>, a symbol no relocation uses. Debian 12 ships
/// GCC 12's libstdc++ (up to <c>GLIBCXX_3.4.30</c>), so the library refuses to load although every function it calls
/// is there. With the requirement weak, it loads and computes correctly.
/// </para>
/// The change is two bytes, written through a temporary file and an atomic rename: a reader never sees half a file.
/// </summary>
public static class WeakVersionPatcher
{
    /// <summary>Marks the requirement of <paramref name="version"/> from <paramref name="library"/> in <paramref name="path"/> weak.</summary>
    /// <exception cref="ElfFormatException">The file is not an ELF layout we can read; it is left unchanged.</exception>
    public static WeakVersionOutcome MarkWeak(string path, string library, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        var matches = ElfSymbolVersions.ReadNeeds(elf, path)
            .Where(need => need.Library == library && need.Version == version)
            .ToList();
        if (matches.Count == 0) return WeakVersionOutcome.NotRequired;
        if (matches.All(need => need.IsWeak)) return WeakVersionOutcome.AlreadyWeak;

        foreach (var need in matches)
        {
            ushort flags = (ushort)(need.Flags | ElfSymbolVersions.WeakFlag);
            elf[need.FlagsOffset] = (byte)flags;
            elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
        }

        string temporary = path + ".deepfm-patch.tmp";
        try
        {
            File.WriteAllBytes(temporary, elf);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return WeakVersionOutcome.Patched;
    }
}
