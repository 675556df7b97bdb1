using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

public class TrainerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void BriefTrainingLowersTheLossAndLearnsTheSyntheticSignal()
    {
        using var train = TrainingFixture.World.Sample(4000, sampleSeed: 10);
        using var test = TrainingFixture.World.Sample(1000, sampleSeed: 11);
        using var model = TrainingFixture.NewModel();

        TrainingHistory history = Trainer.Fit(model, train, test, TrainingFixture.QuickOptions, cancellation: Cancellation);

        Assert.Equal(6, history.Epochs.Count);
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss - 0.05,
            $"train loss went {history.Epochs[0].TrainLoss:F4} → {history.Epochs[^1].TrainLoss:F4}");
        Assert.True(history.Epochs[^1].ValidationLoss < Math.Log(2) - 0.05, $"test loss {history.Epochs[^1].ValidationLoss:F4}");
        Assert.True(history.Epochs[^1].ValidationAuc > 0.75, $"test AUC {history.Epochs[^1].ValidationAuc:F4}");
    }

    [Fact]
    public void SameSeedAndThreadsGiveAnIdenticalHistoryAndAnotherSeedDoesNot()
    {
        using var train = TrainingFixture.World.Sample(2000, sampleSeed: 20);
        using var test = TrainingFixture.World.Sample(500, sampleSeed: 21);
        var options = TrainingFixture.QuickOptions with { Epochs = 4 };

        TrainingHistory Run(TrainerOptions runOptions)
        {
            using var model = TrainingFixture.NewModel(seed: 5);
            return Trainer.Fit(model, train, test, runOptions, cancellation: Cancellation);
        }

        var first = Run(options);
        var second = Run(options);
        var otherSeed = Run(options with { Seed = 7 });

        Assert.Equal(first.Epochs, second.Epochs); // record equality: every double bit for bit
        Assert.NotEqual(first.Epochs[^1].TrainLoss, otherSeed.Epochs[^1].TrainLoss);
    }

    [Fact]
    public void ValidatesEveryNEpochsAndAfterTheLastEpoch()
    {
        using var train = TrainingFixture.World.Sample(600, sampleSeed: 30);
        using var test = TrainingFixture.World.Sample(300, sampleSeed: 31);
        using var model = TrainingFixture.NewModel();
        var reported = new List<EpochRecord>();

        var history = Trainer.Fit(model, train, test, TrainingFixture.QuickOptions with { Epochs = 7, ValidateEvery = 3 },
            new SynchronousProgress(reported.Add), Cancellation);

        Assert.Equal([3, 6, 7], history.Epochs.Where(e => e.ValidationAuc is not null).Select(e => e.Epoch));
        Assert.All(history.Epochs, e => Assert.Equal(e.ValidationAuc is null, e.ValidationLoss is null));
        Assert.Equal(history.Epochs, reported);
    }

    [Fact]
    public void EvaluateMatchesTorchLossAndRankAucComputedInOneGo()
    {
        using var train = TrainingFixture.World.Sample(1500, sampleSeed: 40);
        using var test = TrainingFixture.World.Sample(700, sampleSeed: 41);
        using var model = TrainingFixture.NewModel();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);
        trainer.TrainEpoch(train, epoch: 1, Cancellation);

        SplitMetrics metrics = trainer.Evaluate(test, Cancellation);

        // Independently: one forward pass over the whole test split and PyTorch's own loss.
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var whole = test.Batches(test.Count).Single();
        Tensor logits = model.call(whole.Categorical, whole.TitleTokens);
        double torchLoss = nn.functional.binary_cross_entropy_with_logits(logits, whole.Labels).item<float>();
        Assert.Equal(torchLoss, metrics.Loss, 5);
        Assert.Equal(RocAuc.Compute(logits.data<float>().ToArray(), test.LabelValues), metrics.Auc, 6);
        Assert.Equal(test.Count, metrics.Count);
        Assert.Equal(test.Count, trainer.LastEvaluation.Count);
    }

    [Fact]
    public void EarlyStoppingStopsWhenTheTestAucKeepsFalling()
    {
        // Test labels are the inverse of the world's, so every bit learned makes the test AUC worse.
        using var train = TrainingFixture.World.Sample(2000, sampleSeed: 50);
        using var invertedTest = TrainingFixture.World.Sample(500, sampleSeed: 51, invertLabels: true);
        using var model = TrainingFixture.NewModel();

        var history = Trainer.Fit(model, train, invertedTest,
            TrainingFixture.QuickOptions with { Epochs = 20, ValidateEvery = 1, EarlyStoppingPatience = 2 }, cancellation: Cancellation);

        Assert.Equal(3, history.Epochs.Count); // best at epoch 1, then two validations without improvement
    }

    [Fact]
    public void KeepBestCheckpointRestoresTheWeightsOfTheBestValidation()
    {
        using var train = TrainingFixture.World.Sample(2000, sampleSeed: 60);
        using var invertedTest = TrainingFixture.World.Sample(500, sampleSeed: 61, invertLabels: true);
        var options = TrainingFixture.QuickOptions with { Epochs = 4, ValidateEvery = 1 };

        using var keptModel = TrainingFixture.NewModel();
        using var keepingTrainer = new Trainer(keptModel, options with { KeepBestCheckpoint = true });
        var history = keepingTrainer.Fit(train, invertedTest, cancellation: Cancellation);
        using var lastModel = TrainingFixture.NewModel();
        using var plainTrainer = new Trainer(lastModel, options);
        plainTrainer.Fit(train, invertedTest, cancellation: Cancellation);

        Assert.Equal(1, history.Best!.Epoch);
        Assert.Equal(history.Best.ValidationAuc!.Value, keepingTrainer.Evaluate(invertedTest, Cancellation).Auc, 12);
        Assert.Equal(history.Last!.ValidationAuc!.Value, plainTrainer.Evaluate(invertedTest, Cancellation).Auc, 12);
        Assert.True(history.Best.ValidationAuc > history.Last.ValidationAuc);
    }

    [Fact]
    public void CancellationStopsTraining()
    {
        using var train = TrainingFixture.World.Sample(600, sampleSeed: 70);
        using var model = TrainingFixture.NewModel();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(
            () => Trainer.Fit(model, train, train, TrainingFixture.QuickOptions, cancellation: cancelled.Token));
    }

    [Fact]
    public void AModelReturningATrailingDimensionGetsAClearError()
    {
        using var train = TrainingFixture.World.Sample(300, sampleSeed: 80);
        using var model = new UnsqueezedLogits(TrainingFixture.NewModel());
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions);
        var error = Assert.Throws<InvalidOperationException>(() => trainer.TrainEpoch(train, epoch: 1, Cancellation));
        Assert.Contains("squeeze", error.Message);
    }

    private sealed class SynchronousProgress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }

    private sealed class UnsqueezedLogits : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly EmbeddingSumLogisticModel inner;

        public UnsqueezedLogits(EmbeddingSumLogisticModel inner) : base(nameof(UnsqueezedLogits))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public override Tensor forward(Tensor categorical, Tensor titleTokens) =>
            inner.call(categorical, titleTokens).unsqueeze(1);
    }
}
