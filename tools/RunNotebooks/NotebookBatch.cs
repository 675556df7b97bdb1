namespace DeepFm.RunNotebooks;

/// <summary>
/// Runs notebooks one after the other and writes each one back without ever damaging the repository:
/// <list type="bullet">
/// <item>a notebook that succeeded is written over its target (atomically) and its charts are copied into the
/// assets folder (<see cref="StagedAssets"/>);</item>
/// <item>a notebook that failed is written to <c>.failed/NAME.ipynb</c> beside its target (git ignores that
/// folder) and the note names that file; the target notebook and the assets stay byte for byte as they were.</item>
/// </list>
/// Later notebooks still run after a failure, so one run reports every broken notebook.
/// </summary>
/// <param name="runner">Executes one notebook.</param>
/// <param name="engine">dotnet repl or Jupyter.</param>
/// <param name="targetFolder">Where executed notebooks are written (<c>notebooks/</c> for an in-place run).</param>
/// <param name="assetsFolder">Where a successful notebook's charts go; null when the caller set DEEPFM_ASSETS itself.</param>
/// <param name="display">Shows progress and notes.</param>
public sealed class NotebookBatch(
    INotebookExecutor runner, NotebookEngine engine, string targetFolder, string? assetsFolder, IRunDisplay display)
{
    /// <summary>The folder, beside the written notebooks, that holds failed notebooks (ignored by git).</summary>
    public const string FailedFolderName = ".failed";

    /// <summary>Where a failed run of <paramref name="notebookName"/> is written.</summary>
    public string FailedCopyPath(string notebookName) => Path.Combine(targetFolder, FailedFolderName, notebookName);

    /// <summary>The folder, beside the written notebooks, for a run whose changed charts have no picture (ignored by git).</summary>
    public const string WithoutPicturesFolderName = ".without-pictures";

    /// <summary>Where a run of <paramref name="notebookName"/> whose changed charts lack pictures is written.</summary>
    public string WithoutPicturesPath(string notebookName) => Path.Combine(targetFolder, WithoutPicturesFolderName, notebookName);

    /// <summary>Runs <paramref name="notebooks"/> in order and returns one result per notebook.</summary>
    public async Task<IReadOnlyList<NotebookResult>> RunAsync(IReadOnlyList<string> notebooks, CancellationToken cancellation = default)
    {
        var scratch = Directory.CreateTempSubdirectory("deepfm-notebooks-");
        try
        {
            var results = new List<NotebookResult>();
            for (var index = 0; index < notebooks.Count; index++)
                results.Add(await RunOneAsync(notebooks[index], index + 1, notebooks.Count, scratch.FullName, cancellation));
            return results;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private async Task<NotebookResult> RunOneAsync(string notebook, int position, int total, string scratch, CancellationToken cancellation)
    {
        var name = Path.GetFileName(notebook);
        var codeCells = NotebookFile.CodeCellCount(NotebookFile.Read(notebook));
        var assets = assetsFolder is null ? null : StagedAssets.Create(scratch, name, assetsFolder);
        var environment = assets is null ? null
            : new Dictionary<string, string> { [NotebookEnvironment.AssetsVariable] = assets.StagingFolder };
        var executed = Path.Combine(scratch, name);

        var progress = display.Start(position, total, name, codeCells);
        var run = await runner.RunAsync(engine, notebook, executed, environment, progress.CellStarted, cancellation);
        progress.Finish(run.Succeeded, run.Elapsed);

        var target = Path.Combine(targetFolder, name);
        var failedCopy = FailedCopyPath(name);
        var withoutPictures = WithoutPicturesPath(name);
        if (run.Succeeded)
        {
            if (File.Exists(failedCopy))
                File.Delete(failedCopy); // an earlier failure's copy no longer describes this notebook
            if (File.Exists(withoutPictures))
                File.Delete(withoutPictures);
            var merged = Path.Combine(scratch, "merged-" + name);
            NotebookOutputs.Merge(notebook, executed, merged);
            var mergedNotebook = NotebookFile.Read(merged);
            var missing = StaticPictures.Keep(NotebookFile.Read(notebook), mergedNotebook);
            if (missing.Count > 0)
            {
                assets?.Discard();
                NotebookFile.WriteAtomically(mergedNotebook, withoutPictures);
                display.Note($"    {Shown(target)} is unchanged: changed charts have no picture ({string.Join(", ", missing)}); "
                    + $"the run is in {Shown(withoutPictures)} (ignored by git).", isError: true);
                return new NotebookResult(name, run, codeCells, withoutPictures, []) { ChartsWithoutPictures = missing };
            }
            NotebookFile.WriteAtomically(mergedNotebook, target);
            var promoted = assets?.Promote() ?? [];
            var charts = promoted.Count > 0 ? $" and {promoted.Count} files in {Shown(assetsFolder!)}" : "";
            display.Note($"    wrote {Shown(target)}{charts}");
            return new NotebookResult(name, run, codeCells, target, promoted);
        }

        assets?.Discard();
        string? written = null;
        if (File.Exists(executed))
        {
            try
            {
                NotebookOutputs.Merge(notebook, executed, failedCopy);
            }
            catch (InvalidDataException)
            {
                // The kernel wrote other cells than the notebook has: keep its file as it is, for the error.
                Directory.CreateDirectory(Path.GetDirectoryName(failedCopy)!);
                File.Copy(executed, failedCopy, overwrite: true);
            }
            written = failedCopy;
        }
        display.Note("    " + run.Describe().Replace("\n", "\n    "), isError: true);
        display.Note(written is null
            ? $"    {Shown(target)} is unchanged (the kernel wrote no executed notebook)."
            : $"    The executed notebook, with the error, is in {Shown(written)} (ignored by git); {Shown(target)} is unchanged.",
            isError: true);
        return new NotebookResult(name, run, codeCells, written, []);
    }

    // Paths in notes as a reader types them: relative to the current folder when inside it.
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
