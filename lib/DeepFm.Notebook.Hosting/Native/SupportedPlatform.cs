using System.Runtime.InteropServices;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Whether TorchSharp 0.107's CPU build can run on this machine, said in one line before anything loads libtorch,
/// so an unsupported machine gets what to do instead of a native loader's stack trace. The notebooks' set-up
/// (<see cref="NotebookHost.Initialize"/>), the scripts (<see cref="ScriptOutput.Start"/>) and the runner's preflight
/// ask it. This file depends on nothing but the BCL: the runner compiles it in.
/// </summary>
static class SupportedPlatform
{
    private const string Elsewhere = "open the repository in its devcontainer (it runs as linux/amd64, also on " +
                                     "Apple Silicon) or in GitHub Codespaces";

    /// <summary>Null when this process can load TorchSharp's CPU build; otherwise what stops it and what to do.</summary>
    public static string? Problem() =>
        Problem(OperatingSystem.IsLinux() ? OSPlatform.Linux
                : OperatingSystem.IsMacOS() ? OSPlatform.OSX
                : OperatingSystem.IsWindows() ? OSPlatform.Windows
                : OSPlatform.Create(RuntimeInformation.OSDescription),
            RuntimeInformation.ProcessArchitecture);

    /// <summary>As <see cref="Problem()"/>, for the given system and process architecture.</summary>
    public static string? Problem(OSPlatform system, Architecture architecture)
    {
        if (system == OSPlatform.Linux && architecture == Architecture.X64)
            return null;
        if (system == OSPlatform.OSX && architecture == Architecture.Arm64)
            return null;   // libtorch-cpu-osx-arm64 exists; not run by this project's CI
        if (system == OSPlatform.Windows)
            return "TorchSharp 0.107 does not load on Windows (dotnet/TorchSharp#1567): use WSL 2 (Ubuntu, x64), or " +
                   Elsewhere + ".";
        string machine = $"{Name(system)} {architecture.ToString().ToLowerInvariant()}";
        return $"TorchSharp 0.107 has no CPU build for {machine} (libtorch-cpu is published for linux-x64, osx-arm64 " +
               $"and Windows only): {Elsewhere}.";
    }

    /// <summary>Throws <see cref="PlatformNotSupportedException"/> with <see cref="Problem()"/>'s line, if there is one.</summary>
    public static void EnsureSupported()
    {
        if (Problem() is { } problem)
            throw new PlatformNotSupportedException(problem);
    }

    private static string Name(OSPlatform system) =>
        system == OSPlatform.Linux ? "Linux" : system == OSPlatform.OSX ? "macOS" : system.ToString();
}
