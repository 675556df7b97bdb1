using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// An in-memory copy of a model's weights (its state dict: parameters and buffers), taken at the validation with the
/// best test AUC so far and copied back when training ends (<see cref="TrainerOptions.KeepBestCheckpoint"/>).
/// Restoring copies values into the model's own tensors, so the optimiser keeps pointing at the right parameters.
/// </summary>
public sealed class BestWeightsSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> modelTensors;
    private readonly Dictionary<string, Tensor> savedTensors = [];

    /// <summary>Prepares a snapshot of <paramref name="model"/>; call <see cref="Capture"/> to take it.</summary>
    public BestWeightsSnapshot(nn.Module model)
    {
        modelTensors = model.state_dict();
        foreach (var (name, tensor) in modelTensors)
        {
            // Detached from any dispose scope: the copy must live until training ends.
            savedTensors[name] = zeros_like(tensor).DetachFromDisposeScope();
        }
    }

    /// <summary>True once <see cref="Capture"/> has run.</summary>
    public bool HasCapture { get; private set; }

    /// <summary>Copies the model's current weights into the snapshot.</summary>
    public void Capture()
    {
        using var noGradients = no_grad();
        foreach (var (name, tensor) in modelTensors) savedTensors[name].copy_(tensor);
        HasCapture = true;
    }

    /// <summary>Copies the captured weights back into the model; does nothing if nothing was captured.</summary>
    public void Restore()
    {
        if (!HasCapture) return;
        using var noGradients = no_grad();
        foreach (var (name, tensor) in modelTensors) tensor.copy_(savedTensors[name]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Only our copies: the model's tensors belong to the model.
        foreach (var saved in savedTensors.Values) saved.Dispose();
        savedTensors.Clear();
    }
}
