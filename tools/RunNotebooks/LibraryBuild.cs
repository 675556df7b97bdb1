namespace DeepFm.RunNotebooks;

/// <summary>
/// The Release build of the libraries under <c>lib/</c> that the notebooks load. Stale when a project's DLL is
/// missing or older than one of the files it is built from (its sources, its project file, the central package
/// versions); each project is compared with its own DLL, because a referenced project can change without its
/// dependants being recompiled.
/// </summary>
public static class LibraryBuild
{
    /// <summary>The projects under <c>lib/</c> whose Release DLL is missing or out of date (empty when all are fresh).</summary>
    public static IReadOnlyList<string> StaleProjects(RepositoryLayout layout)
    {
        var libraries = Path.Combine(layout.Root, "lib");
        if (!Directory.Exists(libraries))
            return [];
        var shared = new[] { "Directory.Packages.props", "Directory.Build.props" }
            .Select(name => Path.Combine(layout.Root, name)).Where(File.Exists).ToList();
        return Directory.GetFiles(libraries, "*.csproj", SearchOption.AllDirectories)
            .Where(project => IsStale(project, shared))
            .Select(project => Path.GetRelativePath(layout.Root, project))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Builds the notebooks' library (and so the projects it references) in Release when
    /// <see cref="StaleProjects"/> names any; returns the stale projects it rebuilt.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds the compiler's errors.</exception>
    public static async Task<IReadOnlyList<string>> BuildIfStaleAsync(RepositoryLayout layout, CancellationToken cancellation = default)
    {
        var stale = StaleProjects(layout);
        if (stale.Count == 0)
            return stale;
        var result = await ProcessRunner.RunAsync("dotnet",
            ["build", layout.LibraryProject, "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"],
            layout.Root, null, TimeSpan.FromMinutes(10), cancellation);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"The library does not build (dotnet build -c Release {Path.GetRelativePath(layout.Root, layout.LibraryProject)}, " +
                $"exit code {result.ExitCode}); fix the errors below and run again:\n{result.Output.Trim()}");
        return stale;
    }

    private static bool IsStale(string project, IReadOnlyList<string> sharedInputs)
    {
        var folder = Path.GetDirectoryName(project)!;
        var name = Path.GetFileNameWithoutExtension(project);
        var dll = Path.Combine(folder, "bin", "Release", "net10.0", name + ".dll");
        if (!File.Exists(dll))
            return true;
        var builtAt = File.GetLastWriteTimeUtc(dll);
        var bin = Path.Combine(folder, "bin") + Path.DirectorySeparatorChar;
        var obj = Path.Combine(folder, "obj") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(folder, "*.cs*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(bin, StringComparison.Ordinal) && !path.StartsWith(obj, StringComparison.Ordinal))
            .Concat(sharedInputs)
            .Any(path => File.GetLastWriteTimeUtc(path) > builtAt);
    }
}
