using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepFm.NotebookScripts;

/// <summary>
/// What a script keeps of the notebook's first code cell, the set-up that is the same in every notebook: its pinned
/// packages become <c>#:package</c> directives and the library DLLs it loads become <c>#:project</c> directives.
/// </summary>
/// <remarks>
/// The rest of the set-up cell is notebook plumbing that a C# file does not need, and is left out on purpose: moving
/// to the repository root and building the library when it is stale (<c>#load</c> of the build check; <c>dotnet run</c>
/// builds the referenced project itself), and <c>NotebookHost.Initialize()</c> (kernel fixes and notebook display
/// formatters). The script calls <c>ScriptOutput.Start</c> in its place.
/// </remarks>
public sealed record SetupCell(IReadOnlyList<PackageReference> Packages, IReadOnlyList<string> Projects)
{
    /// <summary>
    /// Packages that only make sense inside a notebook kernel (they extend the kernel's display); a C# file leaves
    /// them out. Any other package becomes a <c>#:package</c> directive.
    /// </summary>
    public static readonly IReadOnlySet<string> NotebookOnlyPackages =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Plotly.NET.Interactive" };

    /// <summary>The prefix of the .NET Interactive packages, all of them notebook-only.</summary>
    public const string InteractivePackagePrefix = "Microsoft.DotNet.Interactive";

    /// <summary>Reads the set-up cell; <paramref name="repositoryRoot"/> is searched for the projects behind its DLLs.</summary>
    /// <exception cref="NotebookTranslationException">No pinned package, or a DLL no project of the repository builds.</exception>
    public static SetupCell Read(string notebook, NotebookCell cell, string repositoryRoot)
    {
        var packages = new List<PackageReference>();
        var projects = new List<string>();
        foreach (var submission in CellSyntax.Parse(notebook, cell))
        {
            foreach (var directive in submission.GetLeadingTrivia().Concat(submission.DescendantTrivia())
                         .Select(trivia => trivia.GetStructure()).OfType<ReferenceDirectiveTriviaSyntax>().Distinct())
            {
                if (CellSyntax.PackageOf(notebook, cell, directive) is { } package)
                {
                    if (!IsNotebookOnly(package.Id) && !packages.Contains(package))
                        packages.Add(package);
                    continue;
                }
                string project = ProjectBuilding(notebook, cell, directive.File.ValueText, repositoryRoot);
                if (!projects.Contains(project))
                    projects.Add(project);
            }
        }
        if (packages.Count == 0)
            throw NotebookTranslationException.InCell(notebook, cell,
                "the first code cell should be the set-up cell, with the pinned '#r \"nuget: …\"' packages; none found.");
        return new SetupCell(packages, projects);
    }

    /// <summary>True for a package that only extends a notebook kernel.</summary>
    public static bool IsNotebookOnly(string packageId) =>
        NotebookOnlyPackages.Contains(packageId) ||
        packageId.StartsWith(InteractivePackagePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The project (relative to the root, with '/') whose build output <paramref name="dllPath"/> is.</summary>
    private static string ProjectBuilding(string notebook, NotebookCell cell, string dllPath, string repositoryRoot)
    {
        string projectName = Path.GetFileNameWithoutExtension(dllPath) + ".csproj";
        var matches = Directory.EnumerateFiles(repositoryRoot, projectName, SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .ToList();
        if (matches.Count != 1)
            throw NotebookTranslationException.InCell(notebook, cell,
                $"'#r \"{dllPath}\"' loads a DLL; a script references the project that builds it, but " +
                (matches.Count == 0 ? $"no {projectName} is in the repository." : $"{matches.Count} files are named {projectName}."));
        return Path.GetRelativePath(repositoryRoot, matches[0]).Replace(Path.DirectorySeparatorChar, '/');
    }
}
