using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Benchmarks;

/// <summary>
/// Where a training step's time goes: the trainer's step (forward, loss, backward, Adagrad) taken apart into its
/// phases and timed one by one over whole epochs of the same shuffled batches. On the CPU every libtorch call
/// returns when its work is done, so a stopwatch around a phase measures that phase. Without host copies, metrics
/// or progress, the sum of the phases is also the floor that the trainer's epoch is compared with.
/// </summary>
internal static class StepBreakdown
{
    public static readonly string[] Phases =
        ["batch (gather + tensors)", "input check", "field embeddings", "title (+ concat)", "first order", "FM", "DNN",
         "loss", "backward", "optimiser"];

    /// <summary>Median milliseconds per step of each phase, over <paramref name="epochs"/> timed epochs after one warm-up epoch.</summary>
    public static double[] Measure(Workload workload, TrainerOptions options, int epochs)
    {
        using var runtime = TorchRuntime.Open(threads: options.Threads);
        using var model = workload.NewModel();
        using var optimizer = new FlatAdagrad(model.parameters(), options.LearningRate, options.InitialAccumulator, options.Epsilon);
        model.train();
        var samples = Phases.Select(_ => new List<double>()).ToArray();
        var clock = new Stopwatch();

        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            IEnumerator<FeatureBatch> batches = workload.Train.Batches(options.TrainBatchSize, options.Seed + epoch).GetEnumerator();
            while (true)
            {
                runtime.BetweenSteps();
                using var stepScope = NewDisposeScope();
                var times = new double[Phases.Length];
                double Lap() { double ms = clock.Elapsed.TotalMilliseconds; clock.Restart(); return ms; }
                clock.Restart();
                if (!batches.MoveNext()) break;
                using FeatureBatch batch = batches.Current;
                times[0] = Lap();
                optimizer.ZeroGrad();
                model.CheckInput(batch.Categorical, batch.TitleTokens);
                times[1] = Lap();
                Tensor fieldVectors = model.FieldEmbeddings!.call(batch.Categorical);                          // [B, F, D]
                times[2] = Lap();
                Tensor titleVectors = model.TitleEmbedding!.OncePerMovie(batch.TitleTokens, batch.Categorical[.., model.Schema.MovieIdField]);
                Tensor dense = torch.cat([fieldVectors, titleVectors.unsqueeze(1)], dim: 1);                   // [B, F+1, D]
                times[3] = Lap();
                Tensor firstOrder = model.FirstOrderWeights!.call(batch.Categorical).squeeze(1);                // [B]
                times[4] = Lap();
                Tensor pairwise = model.FactorizationMachine!.call(dense).squeeze(1);                          // [B]
                times[5] = Lap();
                Tensor deep = model.Mlp!.call(dense.flatten(start_dim: 1)).squeeze(1);                         // [B]
                times[6] = Lap();
                Tensor loss = nn.functional.binary_cross_entropy_with_logits(firstOrder + pairwise + deep, batch.Labels);
                times[7] = Lap();
                loss.backward();
                times[8] = Lap();
                optimizer.Step();
                times[9] = Lap();
                if (epoch > 0)
                    for (int phase = 0; phase < Phases.Length; phase++) samples[phase].Add(times[phase]);
            }
        }
        return samples.Select(Median).ToArray();
    }

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
