namespace DeepFm.RunNotebooks;

/// <summary>
/// Environment variables the notebooks read, in their parameters cells (see DeepFm.Notebook.Parameters.NotebookParameters).
/// </summary>
public static class NotebookEnvironment
{
    /// <summary>Overrides the number of training epochs; the notebook tests set it to 1.</summary>
    public const string EpochsVariable = "DEEPFM_EPOCHS";

    /// <summary>Where notebooks save charts; the notebook tests point it at a temporary folder.</summary>
    public const string AssetsVariable = "DEEPFM_ASSETS";

    /// <summary>A local MovieLens-100k zip or folder: the notebooks' <c>dataPath</c>, instead of the download cache.</summary>
    public const string DataVariable = "DEEPFM_DATA";

    /// <summary>
    /// The real data already on this machine, as an absolute path: <c>../shared/data/ml-100k.zip</c> beside the
    /// repository (CI, the developers' machines), else the library's download cache that the runner's first run
    /// filled (a new user's machine). Absolute because the kernel starts in the notebook's folder; the library prints
    /// it relative to the kernel's folder, so no absolute path reaches committed outputs. Null when neither exists.
    /// </summary>
    public static string? LocalData(RepositoryLayout layout)
    {
        var beside = Path.GetFullPath(Path.Combine(layout.Root, "..", "shared", "data", "ml-100k.zip"));
        if (File.Exists(beside))
            return beside;
        var cached = Path.Combine(Preflight.DataSource.CacheFolder(Preflight.HostEnvironment.Current), "ml-100k.zip");
        return File.Exists(cached) ? cached : null;
    }
}
