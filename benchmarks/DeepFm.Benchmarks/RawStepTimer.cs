using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Benchmarks;

/// <summary>
/// The floor the trainer is measured against: the same number of forward + loss + backward + Adagrad steps as one
/// epoch, on batches prepared beforehand (the fastest of two timed passes after a warm-up), with no shuffling, no host copies and no metrics. The ratio of the
/// trainer's epoch time to this is the cost of everything the trainer and the batch source add.
/// </summary>
internal static class RawStepTimer
{
    public static TimeSpan TimeOneEpoch(Workload workload, Notebook.Training.TrainerOptions options)
    {
        using var model = workload.NewModel();
        using var optimizer = optim.Adagrad(model.parameters(), lr: options.LearningRate,
            initial_accumulator_value: options.InitialAccumulator, eps: options.Epsilon);
        using var lossFunction = nn.BCEWithLogitsLoss();
        var batches = workload.Train.Batches(options.TrainBatchSize, shuffleSeed: options.Seed).ToList();
        model.train();

        void Step(FeatureBatch batch)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            lossFunction.call(model.call(batch.Categorical, batch.TitleTokens), batch.Labels).backward();
            optimizer.step();
        }

        // The first pass warms up (JIT, first-touch allocations); the fastest of three passes is the floor.
        var fastest = TimeSpan.MaxValue;
        for (int pass = 0; pass < 3; pass++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var batch in batches) Step(batch);
            if (pass > 0 && clock.Elapsed < fastest) fastest = clock.Elapsed;
        }
        foreach (var batch in batches) batch.Dispose();
        return fastest;
    }
}
