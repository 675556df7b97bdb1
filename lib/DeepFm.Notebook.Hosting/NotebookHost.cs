using System.Runtime.CompilerServices;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Prepares a .NET Interactive kernel for the tutorial: one call, <c>NotebookHost.Initialize()</c>, at the end of the
/// set-up cell of every notebook, before any cell that uses TorchSharp, Plotly.NET or a DataFrame.
/// </summary>
/// <remarks>
/// A notebook kernel differs from a normal app in three ways, each handled here:
/// <list type="bullet">
/// <item>TorchSharp's native libraries are found by name rather than through deps.json, so the package's copies are
/// loaded first (<see cref="LibTorchPreloader"/>), after making them loadable on an older libstdc++
/// (<see cref="TorchSharpNative"/>).</item>
/// <item>The kernel's own FSharp.Core is older than the one Plotly.NET was built against
/// (<see cref="FSharpCoreRedirect"/>).</item>
/// <item>Readers who run nothing see the saved outputs: charts are displayed with a static picture beside the
/// interactive view, and DataFrames as plain, rounded HTML tables (<see cref="NotebookDisplay"/>).</item>
/// </list>
/// On a machine TorchSharp 0.107 cannot run on, it throws one <see cref="PlatformNotSupportedException"/> that
/// says what to use instead (<see cref="SupportedPlatform"/>). It prints nothing when nothing needed fixing: notebooks are committed with their outputs.
/// </remarks>
public static class NotebookHost
{
    private static readonly Lock Gate = new();
    private static bool initialized;

    /// <summary>
    /// Runs the set-up once per kernel; later calls do nothing. Returns the line it printed, or null when nothing
    /// needed saying (the usual case: only a machine whose TorchSharp library had to be patched just now gets a line).
    /// </summary>
    public static string? Initialize()
    {
        lock (Gate)
        {
            if (initialized)
                return null;
            // Windows, Linux arm64, Intel macOS: one line saying what to do, before a native loader's stack trace.
            SupportedPlatform.EnsureSupported();
            // FSharp.Core first: it only registers a handler, and must be in place before any method that mentions
            // a Plotly.NET type is compiled — RegisterDisplay below is such a method, hence NoInlining.
            FSharpCoreRedirect.Install();
            // Before the preload, which opens libLibTorchSharp.so: on Debian 12 it must be patched first.
            bool patchedNow = TorchSharpNative.MakeLoadable();
            LibTorchPreloader.Preload();
            RegisterDisplay();
            initialized = true;
            if (!patchedNow)
                return null;
            // No paths in this line: notebooks are committed with their outputs.
            const string line = "Set-up: TorchSharp's native library was patched to load on this system's C++ runtime " +
                                "(once per machine; see the README's troubleshooting).";
            Console.WriteLine(line);
            return line;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterDisplay() => NotebookDisplay.Register();
}
