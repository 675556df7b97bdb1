namespace DeepFm.RunNotebooks;

/// <summary>Environment variables the notebooks read (see DeepFm.Notebook.Setup.NotebookParameters).</summary>
public static class NotebookEnvironment
{
    /// <summary>Overrides the number of training epochs; the notebook tests set it to 1.</summary>
    public const string EpochsVariable = "DEEPFM_EPOCHS";
}
