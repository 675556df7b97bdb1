using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests.Hosting;

public sealed class WeakVersionPatcherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepfm-elf-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void PatchesAStrongRequirementOnceThenLeavesTheFileAlone()
    {
        string library = CopyOfTorchSharpNativeWithStrongRequirement();
        byte[] strong = File.ReadAllBytes(library);

        Assert.Equal(WeakVersionOutcome.Patched, WeakVersionPatcher.MarkWeak(library, "libstdc++.so.6", TorchSharpNative.RequiredVersion));
        byte[] patched = File.ReadAllBytes(library);
        DateTime patchedAt = File.GetLastWriteTimeUtc(library);

        Assert.Equal(WeakVersionOutcome.AlreadyWeak, WeakVersionPatcher.MarkWeak(library, "libstdc++.so.6", TorchSharpNative.RequiredVersion));
        Assert.Equal(patched, File.ReadAllBytes(library));
        Assert.Equal(patchedAt, File.GetLastWriteTimeUtc(library));

        // Exactly one byte changed: the low byte of vna_flags of the GLIBCXX_3.4.32 entry, by the weak bit.
        int[] changed = Enumerable.Range(0, strong.Length).Where(i => strong[i] != patched[i]).ToArray();
        long flagsOffset = Need(library).FlagsOffset;
        Assert.Equal([(int)flagsOffset], changed);
        Assert.Equal(ElfSymbolVersions.WeakFlag, patched[flagsOffset] ^ strong[flagsOffset]);
        Assert.True(Need(library).IsWeak);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void OnlyTheGlibcxx332RequirementIsWeakened()
    {
        string library = CopyOfTorchSharpNativeWithStrongRequirement();
        var before = ElfSymbolVersions.ReadNeeds(File.ReadAllBytes(library), library);
        WeakVersionPatcher.MarkWeak(library, "libstdc++.so.6", TorchSharpNative.RequiredVersion);
        var after = ElfSymbolVersions.ReadNeeds(File.ReadAllBytes(library), library);

        Assert.Contains(before, need => need.Library == "libstdc++.so.6" && need.Version == "GLIBCXX_3.4.30");
        Assert.Equal(before.Count, after.Count);
        foreach (var (old, now) in before.Zip(after))
        {
            bool target = old.Version == TorchSharpNative.RequiredVersion;
            Assert.Equal(target ? (ushort)(old.Flags | ElfSymbolVersions.WeakFlag) : old.Flags, now.Flags);
        }
    }

    [Fact]
    public void AnUnrelatedElfFileIsLeftAloneWithAClearMessage()
    {
        string libStdCxx = SystemLibStdCxx.Locate() ?? throw new InvalidOperationException("no libstdc++ on this machine");
        string unrelated = Path.Combine(folder, "unrelated.so");
        File.Copy(libStdCxx, unrelated);
        byte[] before = File.ReadAllBytes(unrelated);

        Assert.Equal(WeakVersionOutcome.NotRequired, WeakVersionPatcher.MarkWeak(unrelated, "libstdc++.so.6", TorchSharpNative.RequiredVersion));
        string message = TorchSharpNative.PatchAll([unrelated], libStdCxx);

        Assert.Contains("nothing to patch", message);
        Assert.Equal(before, File.ReadAllBytes(unrelated));
    }

    [Theory]
    [InlineData("text", "not an ELF file")]
    [InlineData("elf32", "not a 64-bit ELF file")]
    [InlineData("big-endian", "not a little-endian ELF file")]
    [InlineData("truncated", "outside the file")]
    public void AFileOfUnknownLayoutIsRefusedAndUnchanged(string kind, string expectedProblem)
    {
        string path = Path.Combine(folder, kind + ".so");
        byte[] content = kind switch
        {
            "text" => "#!/bin/sh\necho not a library\n"u8.ToArray(),
            "elf32" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, .. new byte[57]],
            "big-endian" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 2, 1, .. new byte[57]],
            _ => File.ReadAllBytes(TorchSharpNativeInPackageCache())[..4096],
        };
        File.WriteAllBytes(path, content);

        var error = Assert.Throws<ElfFormatException>(() => WeakVersionPatcher.MarkWeak(path, "libstdc++.so.6", TorchSharpNative.RequiredVersion));

        Assert.Contains(path, error.Message);
        Assert.Contains(expectedProblem, error.Message);
        Assert.Contains("left unchanged", error.Message);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void SystemLibStdCxxIsFoundAndItsVersionsAreRead()
    {
        string libStdCxx = SystemLibStdCxx.Locate() ?? throw new InvalidOperationException("no libstdc++ on this machine");
        Assert.True(SystemLibStdCxx.Provides(libStdCxx, "GLIBCXX_3.4"));
        Assert.True(SystemLibStdCxx.Provides(libStdCxx, "GLIBCXX_3.4.30"));
        Assert.False(SystemLibStdCxx.Provides(libStdCxx, "GLIBCXX_9.9.99"));
    }

    [Fact]
    public void EnsureLoadableIsIdempotent()
    {
        TorchSharpNative.EnsureLoadable();
        string second = TorchSharpNative.EnsureLoadable();
        Assert.StartsWith("TorchSharp native setup:", second);
        Assert.DoesNotContain("marked that requirement weak", second);
    }

    private static string TorchSharpNativeInPackageCache() =>
        TorchSharpNative.CandidatePaths().Last() is var path && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"restore the packages first: {path} is missing");

    private static ElfVersionNeed Need(string library) =>
        ElfSymbolVersions.ReadNeeds(File.ReadAllBytes(library), library).Single(need => need.Version == TorchSharpNative.RequiredVersion);

    // The package-cache copy may already be patched on this machine, so rebuild the shipped (strong) state by
    // clearing the weak bit in a copy.
    private string CopyOfTorchSharpNativeWithStrongRequirement()
    {
        string copy = Path.Combine(folder, "libLibTorchSharp.so");
        File.Copy(TorchSharpNativeInPackageCache(), copy);
        byte[] bytes = File.ReadAllBytes(copy);
        long offset = Need(copy).FlagsOffset;
        bytes[offset] = (byte)(bytes[offset] & ~ElfSymbolVersions.WeakFlag);
        File.WriteAllBytes(copy, bytes);
        Assert.False(Need(copy).IsWeak);
        return copy;
    }
}
