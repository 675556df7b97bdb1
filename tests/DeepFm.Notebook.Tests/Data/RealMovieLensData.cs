using DeepFm.Notebook.Parameters;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// Locates the real ml-100k.zip, which is never committed: DEEPFM_DATA if set, else the first
/// <c>shared/data/ml-100k.zip</c> found walking up from the test assembly (the shared folder sits beside the
/// repository, in a developer's tree and in CI), else the download cache the README's first command filled.
/// </summary>
internal static class RealMovieLensData
{
    public static string ZipPath()
    {
        if (NotebookParameters.DataPath() is { } fromEnvironment)
        {
            return fromEnvironment;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "data", "ml-100k.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        if (NotebookEnvironment.LocalData(RepositoryLayout.FindFrom(AppContext.BaseDirectory)) is { } local)
        {
            return local;
        }
        Assert.Fail("ml-100k.zip not found: run the README's first command (it downloads it into the cache), set "
            + $"DEEPFM_DATA, or place it at shared/data/ml-100k.zip beside the repository (searched upwards from {AppContext.BaseDirectory}).");
        return "";
    }
}
