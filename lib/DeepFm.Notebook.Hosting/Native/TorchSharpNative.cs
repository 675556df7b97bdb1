using System.Reflection;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Makes TorchSharp's native library loadable on Linux systems whose libstdc++ is older than GCC 13 (Debian 12).
/// On every other system (Ubuntu 24.04, the devcontainer, macOS, Windows) it does nothing.
/// </summary>
/// <remarks>
/// The library that will be loaded is one of: the copy beside the running program (console apps and tests copy it
/// to <c>runtimes/linux-x64/native/</c> at build time, and TorchSharp may copy it to <c>cpu/</c> at run time), or the
/// NuGet package cache (notebook kernels load it from there). All existing copies are checked; each is patched at most
/// once (<see cref="WeakVersionPatcher"/>), so running this again changes nothing.
/// </remarks>
public static class TorchSharpNative
{
    /// <summary>The version TorchSharp 0.107 requires but uses for nothing the loader has to resolve.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    private const string NativeLibraryName = "libLibTorchSharp.so";
    private const string CxxRuntime = "libstdc++.so.6";

    /// <summary>
    /// Patches every copy of <c>libLibTorchSharp.so</c> this process may load when the system libstdc++ lacks
    /// <see cref="RequiredVersion"/>, and returns one line that says what was done.
    /// </summary>
    public static string EnsureLoadable() => EnsureLoadable(out _);

    /// <summary>As <see cref="EnsureLoadable()"/>; <paramref name="patchNeeded"/> tells whether this system needs the patch.</summary>
    public static string EnsureLoadable(out bool patchNeeded) => EnsureLoadable(out patchNeeded, out _);

    /// <summary>
    /// As <see cref="EnsureLoadable()"/>, quietly: true when a copy had to be patched just now (false when the system
    /// needs no patch or every copy was patched before). The notebook set-up uses it to stay silent on later runs.
    /// </summary>
    public static bool MakeLoadable()
    {
        EnsureLoadable(out _, out int patchedNow);
        return patchedNow > 0;
    }

    private static string EnsureLoadable(out bool patchNeeded, out int patchedNow)
    {
        patchNeeded = false;
        patchedNow = 0;
        if (!OperatingSystem.IsLinux()) return "TorchSharp native setup: not Linux, nothing to do.";
        string? libStdCxx = SystemLibStdCxx.Locate();
        if (libStdCxx is null) return "TorchSharp native setup: no libstdc++.so.6 found, nothing patched.";
        if (SystemLibStdCxx.Provides(libStdCxx, RequiredVersion))
            return $"TorchSharp native setup: {libStdCxx} provides {RequiredVersion}, nothing to patch.";
        patchNeeded = true;
        return PatchAll(CandidatePaths().Where(File.Exists).Distinct().ToList(), libStdCxx, out patchedNow);
    }

    /// <summary>Marks <see cref="RequiredVersion"/> weak in each of <paramref name="paths"/> and summarises it in one line.</summary>
    public static string PatchAll(IReadOnlyList<string> paths, string libStdCxx) => PatchAll(paths, libStdCxx, out _);

    private static string PatchAll(IReadOnlyList<string> paths, string libStdCxx, out int patchedNow)
    {
        patchedNow = 0;
        if (paths.Count == 0)
            return $"TorchSharp native setup: {libStdCxx} lacks {RequiredVersion} but no {NativeLibraryName} was found (restore the packages first).";
        var patched = new List<string>();
        int alreadyWeak = 0;
        foreach (string path in paths)
        {
            switch (WeakVersionPatcher.MarkWeak(path, CxxRuntime, RequiredVersion))
            {
                case WeakVersionOutcome.Patched: patched.Add(path); break;
                case WeakVersionOutcome.AlreadyWeak: alreadyWeak++; break;
            }
        }
        patchedNow = patched.Count;
        string done = patched.Count == 0
            ? "nothing to patch"
            : $"marked that requirement weak in {string.Join(", ", patched)}";
        return $"TorchSharp native setup: {libStdCxx} lacks {RequiredVersion}; {done} ({alreadyWeak} of {paths.Count} cop{(paths.Count == 1 ? "y" : "ies")} already weak).";
    }

    /// <summary>Every place TorchSharp may load its native library from, in this process.</summary>
    public static IEnumerable<string> CandidatePaths()
    {
        string appDirectory = AppContext.BaseDirectory;
        yield return Path.Combine(appDirectory, NativeLibraryName);
        yield return Path.Combine(appDirectory, "runtimes", "linux-x64", "native", NativeLibraryName);
        yield return Path.Combine(appDirectory, "cpu", NativeLibraryName);
        yield return Path.Combine(NuGetPackagesFolder(), "torchsharp", TorchSharpVersion(), "runtimes", "linux-x64", "native", NativeLibraryName);
    }

    /// <summary>The NuGet global packages folder: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The TorchSharp package version this library was built against, e.g. <c>0.107.0</c>.</summary>
    public static string TorchSharpVersion()
    {
        Version version = typeof(TorchSharp.torch).Assembly.GetName().Version
            ?? throw new InvalidOperationException("The TorchSharp assembly has no version.");
        return $"{version.Major}.{version.Minor}.{version.Build}";
    }
}
