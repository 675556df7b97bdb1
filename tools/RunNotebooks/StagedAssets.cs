namespace DeepFm.RunNotebooks;

/// <summary>
/// Keeps a notebook's saved charts away from <c>assets/</c> until the notebook has succeeded. The notebook saves
/// into an empty scratch folder (passed as <c>DEEPFM_ASSETS</c>); <see cref="Promote"/> then copies what it saved
/// into the target folder. A failed notebook therefore leaves every committed asset as it was, and a chart the run
/// did not produce (no Chromium: no PNG) keeps its committed copy.
/// </summary>
public sealed class StagedAssets
{
    private StagedAssets(string stagingFolder, string targetFolder)
    {
        StagingFolder = stagingFolder;
        TargetFolder = targetFolder;
    }

    /// <summary>Where the notebook saves its charts during the run.</summary>
    public string StagingFolder { get; }

    /// <summary>Where the charts go when the notebook succeeds (<c>assets/</c> for an in-place run).</summary>
    public string TargetFolder { get; }

    /// <summary>Creates an empty staging folder for one notebook under <paramref name="scratchFolder"/>.</summary>
    public static StagedAssets Create(string scratchFolder, string notebookName, string targetFolder)
    {
        var staging = Path.Combine(Path.GetFullPath(scratchFolder), "assets-" + Path.GetFileNameWithoutExtension(notebookName));
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        return new StagedAssets(staging, Path.GetFullPath(targetFolder));
    }

    /// <summary>
    /// Copies every file the notebook saved into <see cref="TargetFolder"/> (each written beside its target, then
    /// renamed over it, so no reader ever sees half a PNG); returns their paths relative to the target folder.
    /// </summary>
    public IReadOnlyList<string> Promote()
    {
        var promoted = new List<string>();
        foreach (var file in Directory.GetFiles(StagingFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(StagingFolder, file);
            var target = Path.Combine(TargetFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".tmp";
            File.Copy(file, temporary, overwrite: true);
            File.Move(temporary, target, overwrite: true);
            promoted.Add(relative);
        }
        return promoted;
    }

    /// <summary>Deletes the staging folder (what a failed notebook saved goes with it).</summary>
    public void Discard()
    {
        if (Directory.Exists(StagingFolder))
            Directory.Delete(StagingFolder, recursive: true);
    }
}
