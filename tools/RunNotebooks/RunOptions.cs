namespace DeepFm.RunNotebooks;

/// <summary>What one invocation of the run-all tool asked for (see <see cref="RunCommand"/> for the options).</summary>
/// <param name="OutputFolder">Where executed notebooks go (charts in its <c>assets/</c>); null: in place.</param>
/// <param name="Epochs">DEEPFM_EPOCHS for the notebooks; null: their own value.</param>
/// <param name="DataPath">MovieLens-100k zip or folder; null: DEEPFM_DATA, ../shared beside, the cache, a download.</param>
/// <param name="Engine">dotnet repl or Jupyter.</param>
/// <param name="Filters">Run only notebooks whose file name contains one of these; empty: all.</param>
/// <param name="Plain">Plain progress lines even on a terminal.</param>
/// <param name="CheckOnly">Run the preflight and stop.</param>
/// <param name="TimeoutPerNotebook">A notebook still running after this is stopped and reported.</param>
public sealed record RunOptions(
    string? OutputFolder, int? Epochs, string? DataPath, NotebookEngine Engine, IReadOnlyList<string> Filters,
    bool Plain, bool CheckOnly, TimeSpan TimeoutPerNotebook)
{
    /// <summary>The notebooks of <paramref name="layout"/> that <see cref="Filters"/> select, in reading order.</summary>
    public IReadOnlyList<string> SelectNotebooks(RepositoryLayout layout) =>
        layout.Notebooks()
            .Where(path => Filters.Count == 0
                || Filters.Any(name => Path.GetFileName(path).Contains(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
