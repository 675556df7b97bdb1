using DeepFm.Notebook.Hosting;
using TorchSharp;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// Calling a trained model outside training, the one way the recommender, the ranking scorer and the explanation do
/// it: evaluation mode, no gradients, a dispose scope for the tensors, the collector paused (<see cref="TorchRuntime"/>),
/// and the model's mode restored afterwards (a notebook may go on training after asking for recommendations).
/// </summary>
public sealed class ModelInference : IDisposable
{
    private readonly torch.nn.Module model;
    private readonly bool wasTraining;
    private readonly IDisposable noGradients;
    private readonly DisposeScope tensors;
    private readonly TorchRuntime runtime;

    private ModelInference(torch.nn.Module model)
    {
        this.model = model;
        wasTraining = model.training;
        model.eval();
        noGradients = torch.no_grad();
        tensors = torch.NewDisposeScope();
        runtime = TorchRuntime.Open();
    }

    /// <summary>Starts scoring <paramref name="model"/>; dispose (a <c>using</c>) to free the tensors and restore its mode.</summary>
    public static ModelInference Begin(torch.nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelInference(model);
    }

    /// <summary>Between two batches of a long scoring run: renews the collector pause if the runtime ended it.</summary>
    public void BetweenBatches() => runtime.BetweenSteps();

    /// <inheritdoc />
    public void Dispose()
    {
        runtime.Dispose();
        tensors.Dispose();
        noGradients.Dispose();
        if (wasTraining) model.train();
    }
}
