using System.Globalization;

namespace DeepFm.Notebook.Parameters;

/// <summary>
/// Parameters a notebook reads from the environment, so that the notebook tests and the run-all tool can shorten
/// a run, point at local data or keep test output out of <c>assets/</c> without editing the notebook. This is the
/// edge: the notebooks' parameters cells, the benchmark and the sample read the variables here and pass the values
/// down; nothing below (data, model, training) reads them.
/// </summary>
public static class NotebookParameters
{
    /// <summary>Environment variable that overrides the number of training epochs (set to 1 by the notebook tests).</summary>
    public const string EpochsVariable = "DEEPFM_EPOCHS";

    /// <summary>Environment variable naming the folder the charts are saved to (default <c>assets</c>).</summary>
    public const string AssetsVariable = "DEEPFM_ASSETS";

    /// <summary>Environment variable naming a local MovieLens-100k: <c>ml-100k.zip</c> or its extracted folder.</summary>
    public const string DataPathVariable = "DEEPFM_DATA";

    /// <summary>The folder, relative to the repository root, where notebook 04 saves its charts by default.</summary>
    public const string DefaultAssetsFolder = "assets";

    /// <summary>
    /// The number of epochs to train: <paramref name="fullRun"/>, unless DEEPFM_EPOCHS holds a positive integer.
    /// </summary>
    /// <exception cref="InvalidOperationException">DEEPFM_EPOCHS is set but is not a positive integer.</exception>
    public static int Epochs(int fullRun)
    {
        var text = Environment.GetEnvironmentVariable(EpochsVariable);
        if (string.IsNullOrWhiteSpace(text))
            return fullRun;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epochs) && epochs > 0)
            return epochs;
        throw new InvalidOperationException(
            $"{EpochsVariable}='{text}' is not a positive whole number of epochs; unset it or set e.g. {EpochsVariable}=1.");
    }

    /// <summary>
    /// Where to save charts: DEEPFM_ASSETS when set (the notebook tests point it at a temporary folder, so a short
    /// test run never overwrites the committed pictures), else <see cref="DefaultAssetsFolder"/>. The folder is created.
    /// </summary>
    public static string AssetsFolder()
    {
        var folder = Environment.GetEnvironmentVariable(AssetsVariable);
        if (string.IsNullOrWhiteSpace(folder))
            folder = DefaultAssetsFolder;
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The local MovieLens-100k named by DEEPFM_DATA (a zip or an extracted folder), or null when the variable is
    /// unset or blank. Null is what <c>MovieLens100k.Load</c> takes for "use the download cache (downloading once)";
    /// the path is returned as written, and <c>Load</c> says so when nothing is there.
    /// </summary>
    public static string? DataPath()
    {
        var path = Environment.GetEnvironmentVariable(DataPathVariable);
        return string.IsNullOrWhiteSpace(path) ? null : path;
    }
}
