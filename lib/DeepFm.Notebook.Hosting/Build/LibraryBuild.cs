// This file is compiled into DeepFm.Notebook.Hosting AND loaded as source by the notebooks' set-up cell
// (#load "lib/DeepFm.Notebook.Hosting/Build/LibraryBuild.cs"), which has to decide whether to build the libraries
// before it can load either of them. So it uses only the base class library, and its namespace is declared only
// in the compiled project: a C# script cannot declare one, and gets no implicit usings (it defines no NETCOREAPP)
// and no nullable context (Jupyter's kernel would warn about every `?`).
#nullable enable
using System.Diagnostics;
#if NETCOREAPP
namespace DeepFm.Notebook.Hosting;
#else
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
#endif

/// <summary>
/// Keeps the tutorial library that the notebooks load (<see cref="LibraryDll"/>, Release) up to date with its
/// sources: it is stale when a DLL the notebooks load is missing or older than a source of its library
/// (<c>lib/DeepFm.Notebook</c>, <c>lib/DeepFm.Notebook.Hosting</c>) or the repository's build settings.
/// The run-all tool's preflight can ask the same.
/// </summary>
// The run-all tool compiles this file in too (defining DEEPFM_RUNNER), as its own internal copy, so that a project
// referencing both assemblies (the tests) sees one public LibraryBuild.
#if DEEPFM_RUNNER
internal
#else
public
#endif
static class LibraryBuild
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "DeepFm.Notebooks.slnx";

    /// <summary>The library project the notebooks load, relative to the repository root.</summary>
    public const string LibraryProject = "lib/DeepFm.Notebook/DeepFm.Notebook.csproj";

    /// <summary>The DLL the set-up cell references, relative to the repository root.</summary>
    public const string LibraryDll = "lib/DeepFm.Notebook/bin/Release/net10.0/DeepFm.Notebook.dll";

    /// <summary>The Hosting DLL the set-up cell references: the build's copy beside <see cref="LibraryDll"/>.</summary>
    public const string HostingDll = "lib/DeepFm.Notebook/bin/Release/net10.0/DeepFm.Notebook.Hosting.dll";

    // Each library against the DLL the notebooks load: a change in Hosting alone may not rewrite DeepFm.Notebook.dll.
    private static readonly (string Folder, string Dll)[] Libraries =
        [("lib/DeepFm.Notebook", LibraryDll), ("lib/DeepFm.Notebook.Hosting", HostingDll)];
    // Build settings both libraries are compiled with (MSBuild recompiles when they change).
    private static readonly string[] BuildSettings = ["Directory.Build.props", "Directory.Packages.props"];
    private static readonly string[] SourcePatterns = ["*.cs", "*.csproj"];

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="SolutionFile"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">There is none: not inside the repository.</exception>
    public static string FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        throw new DirectoryNotFoundException(
            $"No {SolutionFile} at or above the kernel's folder: open the notebook inside the DeepFm.Notebooks repository.");
    }

    /// <summary>True when a DLL the notebooks load is missing or older than a source (see <see cref="StaleReason"/>).</summary>
    public static bool IsStale(string root) => StaleReason(root) is not null;

    /// <summary>Why the library must be built ("not built yet", "a source changed since the last build"), or null.</summary>
    public static string? StaleReason(string root)
    {
        foreach (var (folder, dllPath) in Libraries)
        {
            var dll = new FileInfo(Path.Combine(root, dllPath));
            if (!dll.Exists)
                return "not built yet";
            if (SourcesOf(root, folder).Any(source => File.GetLastWriteTimeUtc(source) > dll.LastWriteTimeUtc))
                return "a source changed since the last build";
        }
        return null;
    }

    /// <summary>Every file whose change should rebuild the libraries: sources, project files and build settings.</summary>
    public static IEnumerable<string> Sources(string root) =>
        Libraries.SelectMany(library => SourcesOf(root, library.Folder)).Distinct();

    private static IEnumerable<string> SourcesOf(string root, string folder)
    {
        foreach (string setting in BuildSettings)
            if (File.Exists(Path.Combine(root, setting)))
                yield return Path.Combine(root, setting);
        string project = Path.Combine(root, folder);
        if (!Directory.Exists(project)) yield break;
        foreach (string pattern in SourcePatterns)
            foreach (string file in Directory.EnumerateFiles(project, pattern, SearchOption.AllDirectories))
                if (!IsBuildOutput(project, file))
                    yield return file;
    }

    /// <summary>
    /// Builds the library in Release when it is stale, printing one line to <paramref name="log"/> (default: the
    /// console) first; prints nothing when it is current. Returns true when it built.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds the compiler's errors.</exception>
    public static bool EnsureCurrent(string root, TextWriter? log = null)
    {
        if (!IsStale(root))
            return false;
        // Two kernels starting together (the notebook tests run several) must not build the same project at once.
        using var buildLock = WaitForBuildLock(root);
        string? reason = StaleReason(root); // the other kernel may have built it while this one waited
        if (reason is null)
            return false;
        (log ?? Console.Out).WriteLine($"Building the tutorial library in Release ({reason}); this takes a minute …");
        Build(root);
        // A build may leave a DLL untouched (nothing it depends on changed in a way that matters to the compiler);
        // mark both current so the next notebook does not build again.
        foreach (var (_, dll) in Libraries)
            if (File.Exists(Path.Combine(root, dll)))
                File.SetLastWriteTimeUtc(Path.Combine(root, dll), DateTime.UtcNow);
        return true;
    }

    private static FileStream WaitForBuildLock(string root)
    {
        string path = Path.Combine(root, "lib", "DeepFm.Notebook", "obj", "deepfm-build.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private static void Build(string root)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", LibraryProject, "-c", "Release", "--nologo", "-v", "q" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet build`.");
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0)
            return;
        var lines = (output + errors.Result).Split('\n')
            .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(line => line.Trim()).Distinct().Take(20);
        throw new InvalidOperationException(
            $"`dotnet build {LibraryProject} -c Release` failed (exit code {process.ExitCode}):{Environment.NewLine}" +
            string.Join(Environment.NewLine, lines));
    }

    private static bool IsBuildOutput(string project, string file)
    {
        string relative = Path.GetRelativePath(project, file);
        return relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
