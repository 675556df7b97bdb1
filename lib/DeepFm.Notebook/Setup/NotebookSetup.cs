namespace DeepFm.Notebook.Setup;

/// <summary>
/// Prepares a .NET Interactive kernel for the tutorial: one call, <c>NotebookSetup.Initialize()</c>, in the setup
/// cell of every notebook, right after the references cell and before any cell that uses TorchSharp or Plotly.NET.
/// </summary>
/// <remarks>
/// It works around the two ways a notebook kernel differs from a normal app: TorchSharp's native libraries are
/// found by name rather than through deps.json (<see cref="LibTorchPreloader"/>), and the kernel's own FSharp.Core
/// is older than the one Plotly.NET was built against (<see cref="FSharpCoreRedirect"/>).
/// </remarks>
public static class NotebookSetup
{
    private static readonly Lock Gate = new();
    private static string? summary;

    /// <summary>
    /// Runs the setup once per kernel and prints one line saying what it did; calling it again prints the same
    /// line and does nothing else. Returns that line.
    /// </summary>
    public static string Initialize()
    {
        lock (Gate)
        {
            if (summary is null)
            {
                // FSharp.Core first: it only registers a handler, and cannot fail.
                FSharpCoreRedirect.Install();
                // Before the preload, which opens libLibTorchSharp.so: on Debian 12 it must be patched first.
                TorchSharpNative.EnsureLoadable(out bool patchNeeded);
                var libTorchFolder = LibTorchPreloader.Preload();
                var fsharpCore = FSharpCoreRedirect.LoadedFSharpCore;
                // No paths in this line: notebooks are committed with their outputs.
                summary = "DeepFm.Notebook setup: " +
                          (patchNeeded ? $"TorchSharp's native library made loadable on this libstdc++ ({TorchSharpNative.RequiredVersion} marked weak); " : "") +
                          (libTorchFolder is null ? "TorchSharp natives left to TorchSharp" : $"libtorch {LibTorchPreloader.LibTorchVersion} preloaded from the NuGet package folder") +
                          (fsharpCore is null ? "" : $"; FSharp.Core {fsharpCore.Version} serves Plotly.NET");
            }
            Console.WriteLine(summary);
            return summary;
        }
    }
}
