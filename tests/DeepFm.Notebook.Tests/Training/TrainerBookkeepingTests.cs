using DeepFm.Notebook.Training;
using TorchSharp;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// What mutation testing found unguarded in the trainer: training and evaluation modes (dropout depends on them),
/// the two clocks, cancellation and empty splits (the thread count: TorchRuntimeTests).
/// </summary>
public class TrainerBookkeepingTests
{
    [Fact]
    public void TrainingRunsInTrainModeAndEvaluationInEvalMode()
    {
        using var train = TrainingFixture.World.Sample(300, sampleSeed: 21);
        using var model = TrainingFixture.NewModel();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);

        model.eval();
        trainer.TrainEpoch(train, epoch: 1, TestContext.Current.CancellationToken);
        Assert.True(model.training, "TrainEpoch must switch the model to training mode (dropout on)");
        model.eval();
        trainer.Evaluate(train, TestContext.Current.CancellationToken);
        Assert.False(model.training, "Evaluate must leave an evaluated model as it found it");
        // That every evaluation batch runs in eval mode, and that a model in training mode gets it back, is
        // SplitEvaluationTests' (the instance Evaluate is the static pass plus a clock).
        model.train();
        trainer.Evaluate(train, TestContext.Current.CancellationToken);
        Assert.True(model.training, "Evaluate must put a model that was training back in training mode");
    }

    [Fact]
    public void EachClockRunsOnlyDuringItsOwnPhase()
    {
        using var train = TrainingFixture.World.Sample(300, sampleSeed: 22);
        using var model = TrainingFixture.NewModel();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);

        trainer.TrainEpoch(train, epoch: 1, TestContext.Current.CancellationToken);
        TimeSpan trained = trainer.TrainingTime;
        Assert.True(trained > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, trainer.EvaluationTime);

        trainer.Evaluate(train, TestContext.Current.CancellationToken);
        TimeSpan evaluated = trainer.EvaluationTime;
        Assert.True(evaluated > TimeSpan.Zero);
        Assert.Equal(trained, trainer.TrainingTime);     // a stopped clock does not move
        Assert.Equal(evaluated, trainer.EvaluationTime);
    }

    [Fact]
    public void ACancelledTokenStopsTrainingAndEvaluation()
    {
        using var train = TrainingFixture.World.Sample(300, sampleSeed: 23);
        using var model = TrainingFixture.NewModel();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.TrainEpoch(train, epoch: 1, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Evaluate(train, cancelled.Token));
    }

    [Fact]
    public void AnEmptySplitIsAClearError()
    {
        using var empty = TrainingFixture.World.Sample(0, sampleSeed: 24);
        using var model = TrainingFixture.NewModel();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);

        Assert.Contains("has no examples", Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(empty, epoch: 1, TestContext.Current.CancellationToken)).Message);
        Assert.Contains("has no examples", Assert.Throws<ArgumentException>(() => trainer.Evaluate(empty, TestContext.Current.CancellationToken)).Message);
    }
}
