using System.Reflection;
using System.Runtime.Loader;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// Answers requests for a newer FSharp.Core with the FSharp.Core the notebook kernel already loaded.
/// </summary>
/// <remarks>
/// Plotly.NET 6.0.0 is compiled against FSharp.Core 10.1.0.0. The .NET Interactive kernels (and dotnet-repl) load
/// their own FSharp.Core 10.0.0.0 at start-up, and one load context cannot hold two versions of an assembly, so the
/// first Plotly.NET call fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". The runtime
/// raises <see cref="AssemblyLoadContext.Resolving"/> only after its own probing failed, so this handler never
/// replaces an FSharp.Core that could be found normally (in a plain app the package's 10.1 is used).
/// The handler must be installed before the first cell that mentions a Plotly.NET type is compiled.
/// </remarks>
public static class FSharpCoreRedirect
{
    private static int installed;

    /// <summary>The FSharp.Core the kernel loaded, or null when none is loaded yet.</summary>
    public static AssemblyName? LoadedFSharpCore => FindLoaded()?.GetName();

    /// <summary>Installs the handler once per process; later calls do nothing. Returns true on the first call.</summary>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
            return false;
        AssemblyLoadContext.Default.Resolving += ResolveWithLoadedFSharpCore;
        return true;
    }

    private static Assembly? ResolveWithLoadedFSharpCore(AssemblyLoadContext context, AssemblyName requested)
    {
        if (requested.Name != "FSharp.Core")
            return null;
        // Binding to an older FSharp.Core works because Plotly.NET only uses APIs that 10.0 already has;
        // NotebookExecutionTests renders every chart kind the tutorial uses to keep that true.
        return FindLoaded();
    }

    private static Assembly? FindLoaded() =>
        AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
        ?? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
}
