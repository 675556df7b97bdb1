namespace DeepFm.NotebookScripts;

/// <summary>Finds the repository root: the folder that holds DeepFm.Notebooks.slnx.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the root.</summary>
    public const string Marker = "DeepFm.Notebooks.slnx";

    /// <summary>Walks up from <paramref name="start"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above holds the marker.</exception>
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
                return folder.FullName;
        throw new DirectoryNotFoundException($"No folder above {start} holds {Marker}; run inside the DeepFm.Notebooks repository.");
    }
}
