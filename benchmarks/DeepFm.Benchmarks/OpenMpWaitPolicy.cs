using System.Runtime.InteropServices;

namespace DeepFm.Benchmarks;

/// <summary>
/// Makes libtorch's OpenMP threads sleep, not spin, while they wait for work: <c>OMP_WAIT_POLICY=PASSIVE</c>, unless
/// the caller set a policy. It must be in the native environment before libtorch (and with it libgomp) is loaded,
/// so it is set first thing, with libc's <c>setenv</c>: .NET's Environment.SetEnvironmentVariable only changes the
/// managed copy of the environment on Linux.
/// </summary>
/// <remarks>
/// Measured on the 2-core benchmark machine while other processes kept it busy: with two threads and the default
/// (spinning) policy a training step took 369 ms, with PASSIVE 41 ms, with one thread 28 ms. A spinning thread
/// burns a core that the other thread of the same step, or another process, needs.
/// </remarks>
internal static class OpenMpWaitPolicy
{
    public static string Apply()
    {
        string? current = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        if (current is not null || !OperatingSystem.IsLinux()) return current ?? "(unset)";
        setenv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
        Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        return "PASSIVE (set by the benchmark)";
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv(string name, string value, int overwrite);
}
