using System.Runtime;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Training;
using DeepFm.Notebook.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>
/// Training and evaluation steps run with the garbage collector paused (TorchSharp 0.107 can finalize a Scalar
/// while libtorch still reads it), and the pause ends with the pass.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public class GarbageCollectionPauseTests
{
    [Fact]
    public void EveryStepRunsInANoGcRegionThatEndsWithThePass()
    {
        using var model = new LatencyModeProbe(TrainingFixture.NewModel());
        var train = TrainingFixture.World.Sample(600, sampleSeed: 5);
        var test = TrainingFixture.World.Sample(200, sampleSeed: 6);
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions with { Epochs = 2, TrainBatchSize = 64, TestBatchSize = 64 });

        trainer.TrainEpoch(train, epoch: 1, TestContext.Current.CancellationToken);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        trainer.Evaluate(test, TestContext.Current.CancellationToken);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        Assert.Equal(10 + 4, model.ModesSeen.Count); // 600 / 64 → 10 training steps, 200 / 64 → 4 evaluation steps
        Assert.All(model.ModesSeen, mode => Assert.Equal(GCLatencyMode.NoGCRegion, mode));
    }

    [Fact]
    public void TheRegionIsRenewedWhenTheRuntimeEndsIt()
    {
        using var pause = new GarbageCollectionPause();
        pause.EnsureActive();
        Assert.True(GarbageCollectionPause.IsActive);

        GC.Collect(); // an induced collection ends a no-GC region, as an exhausted budget does
        Assert.False(GarbageCollectionPause.IsActive);

        pause.EnsureActive();
        Assert.True(GarbageCollectionPause.IsActive);
        pause.Dispose();
        Assert.False(GarbageCollectionPause.IsActive);
    }

    /// <summary>Wraps a model and records the GC latency mode at every forward call.</summary>
    private sealed class LatencyModeProbe : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor, Tensor> inner;

        public LatencyModeProbe(nn.Module<Tensor, Tensor, Tensor> inner) : base(nameof(LatencyModeProbe))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public List<GCLatencyMode> ModesSeen { get; } = [];

        public override Tensor forward(Tensor categorical, Tensor titleTokens)
        {
            ModesSeen.Add(GCSettings.LatencyMode);
            return inner.call(categorical, titleTokens);
        }
    }
}
