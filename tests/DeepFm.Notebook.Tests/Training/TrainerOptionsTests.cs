using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

public class TrainerOptionsTests
{
    [Fact]
    public void DefaultsAreTheOriginalSchedule()
    {
        var options = new TrainerOptions();
        Assert.Equal(100, options.Epochs);
        Assert.Equal(2048, options.TrainBatchSize);
        Assert.Equal(4096, options.TestBatchSize);
        Assert.Equal(5, options.ValidateEvery);
        Assert.Equal(0.1, options.LearningRate);
        Assert.Equal(0.1, options.InitialAccumulator);
        Assert.Equal(1e-7, options.Epsilon);
        Assert.Equal(42, options.Seed);
        Assert.Equal(Environment.ProcessorCount, options.Threads);
        Assert.Null(options.EarlyStoppingPatience);
        Assert.False(options.KeepBestCheckpoint);
        options.Validate();
    }

    public static TheoryData<TrainerOptions, string> BadOptions => new()
    {
        { new TrainerOptions { Epochs = 0 }, nameof(TrainerOptions.Epochs) },
        { new TrainerOptions { TrainBatchSize = -1 }, nameof(TrainerOptions.TrainBatchSize) },
        { new TrainerOptions { TestBatchSize = 0 }, nameof(TrainerOptions.TestBatchSize) },
        { new TrainerOptions { ValidateEvery = 0 }, nameof(TrainerOptions.ValidateEvery) },
        { new TrainerOptions { Threads = 0 }, nameof(TrainerOptions.Threads) },
        { new TrainerOptions { LearningRate = 0 }, nameof(TrainerOptions.LearningRate) },
        { new TrainerOptions { LearningRate = double.NaN }, nameof(TrainerOptions.LearningRate) },
        { new TrainerOptions { InitialAccumulator = -0.1 }, nameof(TrainerOptions.InitialAccumulator) },
        { new TrainerOptions { Epsilon = 0 }, nameof(TrainerOptions.Epsilon) },
        { new TrainerOptions { InitialAccumulator = 0, Epsilon = 1e-20 }, nameof(TrainerOptions.Epsilon) },
        { new TrainerOptions { EarlyStoppingPatience = 0 }, nameof(TrainerOptions.EarlyStoppingPatience) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsAreRejectedWithTheOptionNamed(TrainerOptions options, string optionName)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(optionName, error.ParamName);
        Assert.Contains($"TrainerOptions.{optionName}", error.Message);
    }

    [Fact]
    public void TheTrainerValidatesItsOptions()
    {
        using var model = TrainingFixture.NewModel();
        var error = Assert.Throws<ArgumentException>(() => new Trainer(model, new TrainerOptions { Epochs = -3 }));
        Assert.Contains("Epochs = -3", error.Message);
    }
}
