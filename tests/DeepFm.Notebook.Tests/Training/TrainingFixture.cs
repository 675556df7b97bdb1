using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// Tests that assert TorchSharp's process-wide settings (thread count, global generator, the collector mode) from
/// outside a <c>TorchRuntime</c> scope run alone, after the parallel tests: a scope opened by any other test would
/// change what they read. Training tests need no collection: <c>TorchRuntime</c> lets one scope in at a time, so two
/// <c>Fit</c>s on two test threads take turns.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchSettingsCollection
{
    public const string Name = "TorchSharp process-wide settings";
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
