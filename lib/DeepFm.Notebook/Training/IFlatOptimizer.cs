namespace DeepFm.Notebook.Training;

/// <summary>
/// What the <see cref="Trainer"/> needs from an optimiser that keeps every parameter in one flat buffer
/// (<see cref="FlatAdagrad"/>, the original's; <see cref="FlatAdamW"/>, notebook 06's): clear the gradients, then
/// update every parameter from them.
/// </summary>
public interface IFlatOptimizer : IDisposable
{
    /// <summary>Sets every gradient to zero (one call on the gradient buffer).</summary>
    void ZeroGrad();

    /// <summary>One update of every parameter from the gradients accumulated since <see cref="ZeroGrad"/>.</summary>
    void Step();
}
