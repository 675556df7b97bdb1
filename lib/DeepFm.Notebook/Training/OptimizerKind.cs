namespace DeepFm.Notebook.Training;

/// <summary>Which optimiser the <see cref="Trainer"/> uses (<see cref="TrainerOptions.Optimizer"/>).</summary>
public enum OptimizerKind
{
    /// <summary>Adagrad, the original tutorial's (<see cref="FlatAdagrad"/>).</summary>
    Adagrad,

    /// <summary>
    /// Adam with decoupled weight decay (<see cref="FlatAdamW"/>); with <see cref="TrainerOptions.WeightDecay"/> = 0
    /// it is plain Adam.
    /// </summary>
    AdamW,
}
