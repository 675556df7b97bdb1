using System.Runtime;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using DeepFm.Notebook.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>
/// Process-wide TorchSharp settings change only inside an explicitly opened <see cref="TorchRuntime"/>: the model
/// changes none, the trainer's constructor none, and <c>Fit</c> restores what its scope changed. Training and
/// evaluation steps run with the garbage collector paused (TorchSharp 0.107 can finalize a Scalar while libtorch
/// still reads it), and the pause ends with the pass.
/// </summary>
[Collection(TorchSettingsCollection.Name)]
public class TorchRuntimeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void TheModelChangesNeitherTheCollectorModeNorTheThreadCount()
    {
        FeatureSchema schema = ModelTestData.MovieLens100kSchema();
        using var model = new DeepFmModel(schema, DeepFmOptions.DeepFm, seed: 1);
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 16, seed: 2);
        GCLatencyMode modeBefore = GCSettings.LatencyMode;
        int threadsBefore = torch.get_num_threads();

        var modesSeen = new List<GCLatencyMode>();
        using (var scope = torch.NewDisposeScope())
        {
            model.call(batch.Categorical, batch.TitleTokens);
            modesSeen.Add(GCSettings.LatencyMode);
            model.Parts(batch);
            modesSeen.Add(GCSettings.LatencyMode);
            model.DenseFieldEmbeddings(batch);
            modesSeen.Add(GCSettings.LatencyMode);
            model.Predict(batch);
            modesSeen.Add(GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, modeBefore);
        Assert.All(modesSeen, mode => Assert.Equal(modeBefore, mode));
        Assert.Equal(threadsBefore, torch.get_num_threads());
    }

    [Fact]
    public void TheTrainerChangesTheThreadCountAndSeedOnlyWhileFitRuns()
    {
        using var model = TrainingFixture.NewModel();   // built first: building a module draws from the generator
        int threadsBefore = torch.get_num_threads();
        int otherThreads = threadsBefore == 1 ? 2 : 1;
        torch.manual_seed(7);
        float expectedDraw = torch.rand(1).item<float>();   // what the generator gives next after seed 7
        torch.manual_seed(7);

        var threadsSeen = new List<int>();
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions with { Epochs = 2, Threads = otherThreads, Seed = 99 });
        Assert.Equal(threadsBefore, torch.get_num_threads());   // the constructor changed nothing

        trainer.Fit(TrainingFixture.World.Sample(300, sampleSeed: 5), TrainingFixture.World.Sample(100, sampleSeed: 6),
            new Progress(() => threadsSeen.Add(torch.get_num_threads())), Cancellation);

        Assert.All(threadsSeen, threads => Assert.Equal(otherThreads, threads));   // Fit used the options' count…
        Assert.Equal(threadsBefore, torch.get_num_threads());                      // …and put the old one back
        Assert.Equal(expectedDraw, torch.rand(1).item<float>());                   // the generator as Fit found it
    }

    [Fact]
    public void EveryStepRunsInANoGcRegionThatEndsWithThePass()
    {
        using var model = new LatencyModeProbe(TrainingFixture.NewModel());
        var train = TrainingFixture.World.Sample(600, sampleSeed: 5);
        var test = TrainingFixture.World.Sample(200, sampleSeed: 6);
        using var trainer = new Trainer(model, TrainingFixture.QuickOptions with { Epochs = 2, TrainBatchSize = 64, TestBatchSize = 64 });

        trainer.TrainEpoch(train, epoch: 1, Cancellation);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        trainer.Evaluate(test, Cancellation);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        Assert.Equal(10 + 4, model.ModesSeen.Count); // 600 / 64 → 10 training steps, 200 / 64 → 4 evaluation steps
        Assert.All(model.ModesSeen, mode => Assert.Equal(GCLatencyMode.NoGCRegion, mode));
    }

    [Fact]
    public void TheScopeSetsThreadsAndSeedAndRestoresThem()
    {
        int threadsBefore = torch.get_num_threads();
        int otherThreads = threadsBefore == 1 ? 2 : 1;
        torch.manual_seed(3);
        float[] afterSeed3 = torch.rand(2).data<float>().ToArray();
        torch.manual_seed(11);
        float[] afterSeed11 = torch.rand(2).data<float>().ToArray();
        torch.manual_seed(3);

        using (TorchRuntime.Open(threads: otherThreads, seed: 11))
        {
            Assert.Equal(otherThreads, torch.get_num_threads());
            Assert.True(GarbageCollectionPause.IsActive);
            Assert.Equal(afterSeed11, torch.rand(2).data<float>().ToArray());
        }

        Assert.Equal(threadsBefore, torch.get_num_threads());
        Assert.False(GarbageCollectionPause.IsActive);
        Assert.Equal(afterSeed3, torch.rand(2).data<float>().ToArray());
    }

    [Fact]
    public void TheRegionIsRenewedBetweenStepsWhenTheRuntimeEndsIt()
    {
        using var runtime = TorchRuntime.Open();
        Assert.True(GarbageCollectionPause.IsActive);

        GC.Collect(); // an induced collection ends a no-GC region, as an exhausted budget does
        Assert.False(GarbageCollectionPause.IsActive);

        runtime.BetweenSteps();
        Assert.True(GarbageCollectionPause.IsActive);
        runtime.Dispose();
        Assert.False(GarbageCollectionPause.IsActive);
    }

    [Fact]
    public void ARegionWithLittleBudgetLeftIsRenewedBetweenSteps()
    {
        using var runtime = TorchRuntime.Open();
        Assert.True(GarbageCollectionPause.IsActive);
        long fresh = GarbageCollectionPause.UsedBudget;

        // A step's inputs use up more than half the budget while the region stays in force (the ranking scorer
        // allocates megabytes per batch); the next step must not start its libtorch calls with what little is left.
        var inputs = new byte[(int)(GarbageCollectionPause.Budget * 5 / 8)];
        GC.KeepAlive(inputs);
        Assert.True(GarbageCollectionPause.IsActive);
        Assert.True(GarbageCollectionPause.UsedBudget > GarbageCollectionPause.Budget / 2);

        runtime.BetweenSteps();
        Assert.True(GarbageCollectionPause.IsActive);
        Assert.True(GarbageCollectionPause.UsedBudget < GarbageCollectionPause.Budget / 4,
            $"a fresh region should have most of its budget left, used {GarbageCollectionPause.UsedBudget:N0} (fresh {fresh:N0})");
    }

    [Fact]
    public async Task AScopeOpenedOnAnotherThreadWaitsUntilTheOpenOneIsDisposed()
    {
        Task other;
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // No thread count in the first scope: libtorch's OpenMP count belongs to the thread that sets it, and this
        // method resumes on other threads after its awaits.
        using (var first = TorchRuntime.Open())
        {
            // Another test's Fit, say: a thread that does not descend from this scope (no execution context flows).
            using (ExecutionContext.SuppressFlow())
                other = Task.Run(() =>
                {
                    using var second = TorchRuntime.Open(threads: 2);
                    order.Enqueue($"second opened, {torch.get_num_threads()} threads");
                }, Cancellation);

            Task finished = await Task.WhenAny(other, Task.Delay(TimeSpan.FromMilliseconds(500), Cancellation));
            Assert.False(finished == other, "the second scope opened while the first was open");
            order.Enqueue("first disposed");
        }

        await other.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);   // throws if it never opened
        Assert.Equal(["first disposed", "second opened, 2 threads"], order);
        Assert.False(GarbageCollectionPause.IsActive);
    }

    [Fact]
    public async Task ScopesOpenedInsideAScopeNestWithoutWaiting()
    {
        // On a task with a time limit, so that a scope waiting for its own outer scope fails the test instead of hanging it.
        Task nested = Task.Run(async () =>
        {
            using var outer = TorchRuntime.Open();
            using (TorchRuntime.Open()) { }                                  // Fit's evaluation inside Fit: same thread
            await Task.Run(() => { using var inTask = TorchRuntime.Open(); }); // a task the scope started
            Assert.True(GarbageCollectionPause.IsActive);
        }, Cancellation);

        await nested.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);   // throws TimeoutException if a scope waited
        Assert.False(GarbageCollectionPause.IsActive);
    }

    private sealed class Progress(Action onReport) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => onReport();
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
