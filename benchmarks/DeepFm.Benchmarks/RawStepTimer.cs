using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Benchmarks;

/// <summary>
/// The floor the trainer is measured against: a bare loop over the same shuffled batches doing forward, loss,
/// backward and an Adagrad step, without host copies, metrics or progress. The ratio of the trainer's epoch time to
/// this is the cost of everything the trainer adds.
/// </summary>
internal static class RawStepTimer
{
    public static TimeSpan TimeOneEpoch(Workload workload, Notebook.Training.TrainerOptions options)
    {
        torch.set_num_threads(options.Threads);
        using var model = workload.NewModel();
        using var optimizer = optim.Adagrad(model.parameters(), lr: options.LearningRate,
            initial_accumulator_value: options.InitialAccumulator, eps: options.Epsilon);
        using var lossFunction = nn.BCEWithLogitsLoss();
        model.train();

        // Pass 0 warms up (JIT, first-touch allocations); the median of five timed passes is the floor.
        var passes = new List<TimeSpan>();
        for (int pass = 0; pass < 6; pass++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var epochScope = NewDisposeScope())
            {
                foreach (var batch in workload.Train.Batches(options.TrainBatchSize, shuffleSeed: options.Seed + pass))
                {
                    using var stepScope = NewDisposeScope();
                    using (batch)
                    {
                        optimizer.zero_grad();
                        lossFunction.call(model.call(batch.Categorical, batch.TitleTokens), batch.Labels).backward();
                        optimizer.step();
                    }
                }
            }
            if (pass > 0) passes.Add(clock.Elapsed);
        }
        return passes.Order().ElementAt(passes.Count / 2);
    }

    /// <summary>The cost of the batch source alone: one shuffled epoch of batches, created and disposed.</summary>
    public static TimeSpan TimeBatchSource(IBatchSource source, int batchSize, int seed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var scope = NewDisposeScope())
        {
            foreach (var batch in source.Batches(batchSize, seed)) batch.Dispose();
        }
        return clock.Elapsed;
    }
}
