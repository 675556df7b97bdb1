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
    /// Where CI and the developers' machines keep the real data: <c>../shared/data/ml-100k.zip</c> beside the
    /// repository, as an absolute path (the kernel starts in the notebook's folder, so a relative path would depend
    /// on which one; the library prints it relative to the kernel's folder, so no absolute path reaches committed
    /// outputs). Null when it is not there.
    /// </summary>
    public static string? SharedDataBeside(RepositoryLayout layout)
    {
        var path = Path.GetFullPath(Path.Combine(layout.Root, "..", "shared", "data", "ml-100k.zip"));
        return File.Exists(path) ? path : null;
    }
}
