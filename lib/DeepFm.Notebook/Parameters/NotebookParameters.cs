using System.Globalization;

namespace DeepFm.Notebook.Parameters;

/// <summary>
/// Parameters a notebook reads from the environment, so that the notebook tests and the run-all tool can shorten
/// a run, point at local data or keep test output out of <c>assets/</c> without editing the notebook.
/// </summary>
public static class NotebookParameters
{
    /// <summary>Environment variable that overrides the number of training epochs (set to 1 by the notebook tests).</summary>
    public const string EpochsVariable = "DEEPFM_EPOCHS";

    /// <summary>Environment variable naming the folder the charts are saved to (default <c>assets</c>).</summary>
    public const string AssetsVariable = "DEEPFM_ASSETS";

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
}
