using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests.Hosting;

public class NativeAllocatorTuningTests
{
    [Fact]
    public void GlibcAcceptsTheThresholdsOnLinuxAndApplyingTwiceIsHarmless()
    {
        bool first = NativeAllocatorTuning.Apply();
        bool second = NativeAllocatorTuning.Apply();

        // Debian/Ubuntu (the CI and the benchmark machine) use glibc, whose mallopt returns 1 for accepted values.
        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void MmapThresholdIsWithinWhatGlibcAcceptsOn64Bit()
    {
        // glibc rejects an mmap threshold above HEAP_MAX_SIZE / 2 = 32 MiB on 64-bit, and the trim threshold must
        // not be below it or the kept blocks would be trimmed right away.
        Assert.True(NativeAllocatorTuning.MmapThresholdBytes <= 32 << 20);
        Assert.True(NativeAllocatorTuning.TrimThresholdBytes >= NativeAllocatorTuning.MmapThresholdBytes);
    }
}
