namespace DeepFm.Notebook.Training;

/// <summary>
/// How <see cref="Trainer"/> trains. The defaults are the schedule of the original Keras tutorial: Adagrad with
/// learning rate 0.1 and the Keras defaults for its accumulator (0.1) and epsilon (1e-7), 100 epochs of batches of
/// 2048 reshuffled every epoch, and a validation on the test split in batches of 4096 every 5 epochs.
/// <see cref="Optimizer"/> and <see cref="WeightDecay"/> switch to AdamW (notebook 06).
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Number of passes over the training split.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Examples per optimiser step.</summary>
    public int TrainBatchSize { get; init; } = 2048;

    /// <summary>Examples per forward pass when evaluating (no gradients, so larger batches are cheap).</summary>
    public int TestBatchSize { get; init; } = 4096;

    /// <summary>
    /// Validate on the test split after every this-many epochs (Keras <c>validation_freq</c>); the last epoch is
    /// always validated so that every run ends with a test score.
    /// </summary>
    public int ValidateEvery { get; init; } = 5;

    /// <summary>The optimiser: Adagrad as in the original (default), or AdamW.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adagrad;

    /// <summary>The learning rate (0.1 is the original's Adagrad rate; AdamW wants about 0.001–0.003).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// AdamW's decoupled weight decay λ: every step shrinks every weight by the fraction lr·λ (0, the default, is
    /// plain Adam). Adagrad, as the original uses it, has none.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>Starting value of Adagrad's per-weight sum of squared gradients (Keras default 0.1, PyTorch 0).</summary>
    public double InitialAccumulator { get; init; } = 0.1;

    /// <summary>Added to √accumulator in Adagrad's denominator (Keras default 1e-7, PyTorch 1e-10).</summary>
    public double Epsilon { get; init; } = 1e-7;

    /// <summary>
    /// Seeds the shuffling (epoch e uses <c>Seed + e</c>) and, while <c>Fit</c> runs, TorchSharp's global generator
    /// (for dropout, if the model has any; its state is restored afterwards). The model's initial weights are the
    /// caller's: seed before building it.
    /// </summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Threads TorchSharp may use while <c>Fit</c> runs (<c>torch.set_num_threads</c>, restored afterwards). Results
    /// are reproducible for a fixed seed and a fixed thread count; a different thread count may change the last
    /// digits, because sums are split differently.
    /// <para>On a machine whose cores other processes keep busy, more than one thread is only faster if libtorch's
    /// OpenMP threads sleep while they wait (environment variable <c>OMP_WAIT_POLICY=PASSIVE</c>, set before
    /// libtorch loads); by default they spin, and a step then took 13× longer with two threads than with one
    /// (measured on a shared 2-core machine). On an idle machine one thread is about as fast as two.</para>
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Stop when the test AUC has not improved for this many validations in a row; null trains all epochs.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>
    /// When true, the weights at the validation with the best test AUC are kept in memory and restored into the
    /// model when training ends, so the model you get back is the best one seen rather than the last one.
    /// </summary>
    public bool KeepBestCheckpoint { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that cannot work and what to use instead.</summary>
    public void Validate()
    {
        RequirePositive(Epochs, nameof(Epochs), "the number of passes over the training split");
        RequirePositive(TrainBatchSize, nameof(TrainBatchSize), "examples per optimiser step (the original uses 2048)");
        RequirePositive(TestBatchSize, nameof(TestBatchSize), "examples per evaluation batch (the original uses 4096)");
        RequirePositive(ValidateEvery, nameof(ValidateEvery), "validate every N epochs (the original uses 5)");
        RequirePositive(Threads, nameof(Threads), "TorchSharp threads (for example Environment.ProcessorCount)");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw Invalid(nameof(LearningRate), LearningRate, "must be a positive finite number (the original uses 0.1)");
        if (!(InitialAccumulator >= 0) || double.IsInfinity(InitialAccumulator))
            throw Invalid(nameof(InitialAccumulator), InitialAccumulator, "must be zero or positive (Keras uses 0.1)");
        if (!(Epsilon > 0) || Epsilon >= 1)
            throw Invalid(nameof(Epsilon), Epsilon, "must lie in (0, 1) (Keras uses 1e-7)");
        if (InitialAccumulator == 0 && Epsilon < 1e-12)
            throw Invalid(nameof(Epsilon), Epsilon,
                "is too small with InitialAccumulator = 0: the first Adagrad step would divide by almost zero");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
            throw Invalid(nameof(WeightDecay), WeightDecay, "must be zero or a positive finite number");
        if (WeightDecay > 0 && Optimizer != OptimizerKind.AdamW)
            throw Invalid(nameof(WeightDecay), WeightDecay, $"needs Optimizer = {nameof(OptimizerKind.AdamW)}: Adagrad here has no weight decay");
        if (Optimizer == OptimizerKind.AdamW && LearningRate * WeightDecay >= 1)
            throw Invalid(nameof(WeightDecay), WeightDecay,
                $"times LearningRate {LearningRate} is at least 1, so each step would shrink the weights to zero or flip them");
        if (EarlyStoppingPatience is int patience && patience < 1)
            throw Invalid(nameof(EarlyStoppingPatience), patience,
                "counts validations without improvement and must be at least 1 (or null to train all epochs)");
    }

    private static void RequirePositive(int value, string name, string meaning)
    {
        if (value < 1) throw Invalid(name, value, $"must be at least 1: it is {meaning}");
    }

    private static ArgumentException Invalid(string name, object value, string rule) =>
        new($"TrainerOptions.{name} = {value} {rule}.", name);
}
