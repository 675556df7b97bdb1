using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Saves a trained model's weights to a file and loads them into a freshly built model of the same architecture,
/// with TorchSharp's own format (<c>module.save</c> / <c>module.load</c>). The file holds weights only: build the
/// model with the same schema and hyper-parameters before loading.
/// <para>A save writes a temporary file beside the checkpoint and renames it into place, so a crash or a failed
/// write never leaves a half-written checkpoint under the real name: the previous one stays until the new one is
/// complete.</para>
/// </summary>
public static class ModelCheckpoint
{
    /// <summary>Writes every parameter and buffer of <paramref name="model"/> to <paramref name="path"/> (folders are created).</summary>
    public static void Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null) Directory.CreateDirectory(folder);
        // Same folder, so the rename stays on one file system and replaces the old file in one step.
        string temporaryPath = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            model.save(temporaryPath);
            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporaryPath)) File.Delete(temporaryPath);
        }
    }

    /// <summary>
    /// Loads the weights in <paramref name="path"/> into <paramref name="model"/> (which must have exactly the same
    /// parameters and shapes) and returns the model, switched to evaluation mode.
    /// </summary>
    /// <exception cref="FileNotFoundException">No checkpoint at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The checkpoint was saved from a differently shaped model.</exception>
    public static TModel Load<TModel>(TModel model, string path) where TModel : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException(
                $"No model checkpoint at {fullPath}; save one first with ModelCheckpoint.Save(model, path).", fullPath);
        try
        {
            model.load(fullPath, strict: true);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or IOException
                                          or FormatException)
        {
            throw new InvalidDataException(
                $"The checkpoint {fullPath} does not fit this {model.GetType().Name}: {error.Message} " +
                "Build the model with the same schema and hyper-parameters as the one that was saved.", error);
        }
        model.eval();
        return model;
    }
}
