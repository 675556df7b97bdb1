using System.Reflection;
using System.Runtime.InteropServices;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Loads the libtorch and LibTorchSharp native libraries that ship in the TorchSharp-cpu NuGet packages,
/// by full path, before TorchSharp looks for them by name.
/// </summary>
/// <remarks>
/// Inside a notebook kernel TorchSharp cannot use the app's deps.json, so it asks the dynamic loader for
/// <c>libtorch_cpu.so</c> by name. When a system libtorch is installed (Debian's <c>libtorch-dev</c>, pulled in by
/// <c>python3-torch</c>) the loader finds <c>/usr/lib/x86_64-linux-gnu/libtorch_cpu.so</c> first; LibTorchSharp then fails
/// with an undefined symbol, which TorchSharp reports as "doesn't contain a reference to libtorch-cpu-linux-x64".
/// Once a library with a given soname is loaded, the loader hands that same library to every later request for the
/// name, so loading the package's copies first makes TorchSharp use them.
/// </remarks>
public static class LibTorchPreloader
{
    /// <summary>The libtorch package version that TorchSharp-cpu 0.107.0 depends on.</summary>
    public const string LibTorchVersion = "2.10.0";

    // Dependency order: each library's NEEDED entries are already loaded when it is opened.
    private static readonly string[] LibTorchFiles = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>
    /// Loads the package copies of libc10, libtorch_cpu, libtorch and LibTorchSharp (Linux x64 only).
    /// Returns the folder libtorch was loaded from, or null where nothing needs preloading.
    /// </summary>
    public static string? Preload()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return null; // the shadowing problem is a Linux loader-path issue; elsewhere TorchSharp finds its own

        var packagesRoot = FindPackagesRoot();
        var torchSharpVersion = typeof(TorchSharp.torch).Assembly.GetName().Version!;
        var libTorchFolder = NativeFolder(packagesRoot, "libtorch-cpu-linux-x64", LibTorchVersion);
        var torchSharpFolder = NativeFolder(packagesRoot, "torchsharp", $"{torchSharpVersion.ToString(3)}");

        foreach (var file in LibTorchFiles)
            NativeLibrary.Load(Path.Combine(libTorchFolder, file));
        NativeLibrary.Load(Path.Combine(torchSharpFolder, "libLibTorchSharp.so"));
        return libTorchFolder;
    }

    /// <summary>
    /// The NuGet global packages folder: the one TorchSharp.dll was loaded from (…/torchsharp/VERSION/lib/TFM/),
    /// else NUGET_PACKAGES, else ~/.nuget/packages.
    /// </summary>
    private static string FindPackagesRoot()
    {
        var torchSharpDll = typeof(TorchSharp.torch).Assembly.Location;
        var tfmFolder = Path.GetDirectoryName(torchSharpDll);
        var packageFolder = tfmFolder is null ? null : Directory.GetParent(tfmFolder)?.Parent?.Parent;
        if (packageFolder is { Name: "torchsharp" } && packageFolder.Parent is { } fromAssembly)
            return fromAssembly.FullName;

        return TorchSharpNative.NuGetPackagesFolder();
    }

    private static string NativeFolder(string packagesRoot, string packageId, string version)
    {
        var folder = Path.Combine(packagesRoot, packageId, version, "runtimes", "linux-x64", "native");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"TorchSharp's native libraries were not found in {folder}. Run the references cell first " +
                "(#r \"nuget: TorchSharp-cpu, 0.107.0\") so NuGet restores the packages, or set NUGET_PACKAGES " +
                "to the folder that holds them.");
        return folder;
    }
}
