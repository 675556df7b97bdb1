using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// Tests that read or change TorchSharp's process-wide settings (thread count, global generator, the collector pause:
/// <c>Trainer.Fit</c> changes them while it runs) run one at a time in this collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchTrainingCollection
{
    public const string Name = "TorchSharp training";
}

/// <summary>Small splits from one synthetic world and quick options shared by the trainer tests.</summary>
internal static class TrainingFixture
{
    public static SyntheticRatings World { get; } = new(SyntheticRatings.SmallSchema, worldSeed: 1);

    public static TrainerOptions QuickOptions { get; } = new()
    {
        Epochs = 6, TrainBatchSize = 256, TestBatchSize = 512, ValidateEvery = 2, Threads = 1,
    };

    public static EmbeddingSumLogisticModel NewModel(int seed = 3) => new(World.Schema, seed);
}
