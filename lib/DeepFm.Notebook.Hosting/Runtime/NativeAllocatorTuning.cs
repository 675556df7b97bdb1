using System.Runtime.InteropServices;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Stops glibc's <c>malloc</c> from giving freed tensor memory back to the kernel after every training step, so the
/// next step does not pay for it again in page faults.
/// </summary>
/// <remarks>
/// libtorch allocates every activation and gradient with <c>malloc</c>. A DeepFM step on a batch of 2,048 frees
/// several 0.1–1.5 MB blocks and allocates the same sizes again a millisecond later. With glibc's defaults, freed
/// memory at the top of a heap beyond the trim threshold (128 KiB, adjusted on the fly) is returned to the kernel,
/// and blocks above the mmap threshold are mapped and unmapped one by one; either way the next step touches fresh
/// pages and the kernel zero-fills them one page fault at a time. Measured on the 2-core benchmark machine, those
/// faults were ~15 % of all samples and doubled the backward pass (≈ 21 → 10 ms per step) and the validation pass
/// (≈ 107 → 33 ms). Raising both thresholds (the <c>MALLOC_TRIM_THRESHOLD_</c> and <c>MALLOC_MMAP_THRESHOLD_</c>
/// environment variables, set from code with <c>mallopt</c> because libtorch is already loaded) keeps freed blocks
/// in the process for reuse. Memory does not grow with it: the next step reuses the same blocks, so the working
/// set stays at the peak of one step, which the process had touched anyway.
/// <para>Process-wide and Linux/glibc only; elsewhere (Windows, macOS, musl) it does nothing.</para>
/// </remarks>
public static class NativeAllocatorTuning
{
    // glibc <malloc.h>: parameter numbers of mallopt.
    private const int TrimThresholdParameter = -1;   // M_TRIM_THRESHOLD
    private const int MmapThresholdParameter = -3;   // M_MMAP_THRESHOLD

    /// <summary>Free memory kept at the top of a heap instead of being returned to the kernel: 256 MiB.</summary>
    public const int TrimThresholdBytes = 256 << 20;

    /// <summary>Blocks from this size up get their own mapping: 32 MiB, the largest glibc accepts on 64-bit.</summary>
    public const int MmapThresholdBytes = 32 << 20;

    private static readonly Lazy<bool> Applied = new(ApplyOnce);

    /// <summary>
    /// Applies the thresholds once per process; true if glibc accepted them, false where there is no glibc.
    /// Applied by <see cref="TorchRuntime.Open"/>, the scope whoever runs the work opens.
    /// </summary>
    public static bool Apply() => Applied.Value;

    private static bool ApplyOnce()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(TrimThresholdParameter, TrimThresholdBytes) == 1
                   & mallopt(MmapThresholdParameter, MmapThresholdBytes) == 1;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl's libc has no mallopt to tune): keep the defaults
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
