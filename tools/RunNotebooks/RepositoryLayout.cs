namespace DeepFm.RunNotebooks;

/// <summary>
/// Where things are in a checkout of the repository: the root (the folder holding DeepFm.Notebooks.slnx), the
/// notebooks in the order a reader takes them, and the Release build of the library that the notebooks load.
/// </summary>
public sealed class RepositoryLayout
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "DeepFm.Notebooks.slnx";

    /// <summary>The library path every notebook's setup cell loads with #r, relative to the root.</summary>
    public const string LibraryRelativePath = "lib/DeepFm.Notebook/bin/Release/net10.0/DeepFm.Notebook.dll";

    private RepositoryLayout(string root) => Root = root;

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>The notebooks folder.</summary>
    public string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The built library the notebooks load.</summary>
    public string LibraryDll => Path.Combine(Root, LibraryRelativePath);

    /// <summary>The library's project file.</summary>
    public string LibraryProject => Path.Combine(Root, "lib", "DeepFm.Notebook", "DeepFm.Notebook.csproj");

    /// <summary>Walks up from <paramref name="start"/> to the folder that contains DeepFm.Notebooks.slnx.</summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder holds the solution file.</exception>
    public static RepositoryLayout FindFrom(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
                return new RepositoryLayout(folder.FullName);
        throw new DirectoryNotFoundException(
            $"No folder above {start} contains {SolutionFileName}; run from inside the DeepFm.Notebooks repository.");
    }

    /// <summary>Every notebooks/*.ipynb, ordered by file name (01-…, 02-…), as full paths.</summary>
    public IReadOnlyList<string> Notebooks() =>
        Directory.Exists(NotebooksFolder)
            ? Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray()
            : [];
}
