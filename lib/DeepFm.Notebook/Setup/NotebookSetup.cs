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
                // TODO(lead): wire the GLIBCXX patch here once Setup/TorchSharpNative.cs is merged; it must run before
                // the preload below, because the preload opens libLibTorchSharp.so.
                // TorchSharpNative.EnsureLoadable();
                var libTorchFolder = LibTorchPreloader.Preload();
                var fsharpCore = FSharpCoreRedirect.LoadedFSharpCore;
                summary = "DeepFm.Notebook setup: " +
                          (libTorchFolder is null ? "TorchSharp natives left to TorchSharp" : $"libtorch {LibTorchPreloader.LibTorchVersion} preloaded from {libTorchFolder}") +
                          (fsharpCore is null ? "" : $"; FSharp.Core {fsharpCore.Version} serves Plotly.NET");
            }
            Console.WriteLine(summary);
            return summary;
        }
    }
}
