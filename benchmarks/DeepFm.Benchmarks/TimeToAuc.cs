using System.Diagnostics;
using DeepFm.Notebook.Baselines;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Benchmarks;

/// <summary>
/// <c>--time-to-auc</c>: ML.NET's FFM and DeepFM (the original's recipe and notebook 06's best) trained one after the
/// other in one process on the original's 80,000 / 20,000 split, each scored on the test split after every epoch or
/// iteration. For each it prints the seconds until its test AUC first reaches the target (0.77) and its best test
/// AUC with the seconds it took. This is a speed race on the test curve, not model selection (notebooks 05 and 06
/// choose on validation; λ = 1e-3 is what notebook 05's validation chose for the FFM).
/// <para>Seconds are training only, as a reader would wait for them: DeepFM's are the trainer's cumulative
/// training time at that epoch (its per-epoch test scoring excluded); ML.NET cannot resume a run with its optimiser
/// state, so the FFM is trained afresh for 1, 2, … iterations and each run's seconds are the whole call — turning
/// our ratings into ML.NET rows included, the cost a user of the package pays.</para>
/// </summary>
internal static class TimeToAuc
{
    private sealed record Race(string Model, double? SecondsToTarget, int? StepToTarget, double BestAuc, int BestStep, double SecondsToBest,
        string StepName);

    public static int Run(string? dataPath, int threads, double target, int maxIterations, float ffmLambda)
    {
        Console.WriteLine(TorchSharpNative.EnsureLoadable());
        // The one process-wide scope for the whole race (threads, collector pause, allocator tuning), as the main benchmark.
        using var torchRuntime = TorchRuntime.Open(threads: threads);
        MovieLens100k data = MovieLens100k.Load(dataPath, Console.Out);
        MovieLensFeatures original = MovieLensFeatures.Build(data);
        MovieLensFeatures withGenres = MovieLensFeatures.Build(data, extraFields: new ExtraFields { Genres = true });
        TrainTestSplit split = original.Split(seed: TrainTestSplit.DefaultSeed);
        TrainTestSplit genreSplit = withGenres.Split(seed: TrainTestSplit.DefaultSeed);
        Console.WriteLine($"Machine  : {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, libtorch threads {threads}, " +
                          $"OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(default)"}");
        Console.WriteLine($"Split    : {split.Train.Count:N0} train / {split.Test.Count:N0} test (seed 42); target test AUC {target}");

        // Warm-up, untimed: the JIT of ML.NET's trainer and of the TorchSharp training step, on 2,000 ratings.
        EncodedRatings small = split.Train.Subset([.. Enumerable.Range(0, 2_000)]);
        FieldAwareFm.Train(small, new FieldAwareFmOptions(Iterations: 1), seed: 42).Evaluate(small);
        using (var warmModel = new DeepFmModel(split.Train.Schema, DeepFmOptions.DeepFm, seed: 42))
            Trainer.Fit(warmModel, small, small, new TrainerOptions { Epochs = 1, ValidateEvery = 1, Threads = threads });

        var races = new List<Race>
        {
            Ffm("FFM (ML.NET), 6 fields", split, target, maxIterations, ffmLambda),
            Ffm("FFM (ML.NET), + genres", genreSplit, target, maxIterations, ffmLambda),
        };
        var adagrad = new TrainerOptions { Epochs = 100, ValidateEvery = 1, Threads = threads };
        races.Add(DeepFm("DeepFM, original recipe (Adagrad 0.1, 6 fields)", split, adagrad, target));
        var adamW = adagrad with
        {
            Optimizer = OptimizerKind.AdamW, LearningRate = 0.003, WeightDecay = 3, Epochs = 30, EarlyStoppingPatience = 4,
        };
        races.Add(DeepFm("DeepFM, 06's best (AdamW lr 0.003 λ 3, + genres)", genreSplit, adamW, target));

        Console.WriteLine();
        Console.WriteLine($"| model | seconds to test AUC {target} | best test AUC | seconds to best |");
        Console.WriteLine("|---|---|---|---|");
        foreach (Race race in races)
        {
            string toTarget = race.SecondsToTarget is double seconds ? $"{seconds:F1} s ({race.StepName} {race.StepToTarget})" : "not reached";
            Console.WriteLine($"| {race.Model} | {toTarget} | {race.BestAuc:F4} | {race.SecondsToBest:F1} s ({race.StepName} {race.BestStep}) |");
        }
        return 0;
    }

    private static Race Ffm(string name, TrainTestSplit split, double target, int maxIterations, float lambda)
    {
        double? toTarget = null;
        int? targetStep = null;
        (double Auc, int Step, double Seconds) best = (0, 0, 0);
        for (int iterations = 1; iterations <= maxIterations; iterations++)
        {
            var clock = Stopwatch.StartNew();
            FieldAwareFm model = FieldAwareFm.Train(split.Train, new FieldAwareFmOptions(iterations, Lambda: lambda), seed: 42);
            double seconds = clock.Elapsed.TotalSeconds;
            double auc = model.Evaluate(split.Test).Auc;
            Console.WriteLine($"{name}: {iterations,2} iterations  test AUC {auc:F4}  {seconds:F1} s");
            if (auc >= best.Auc) best = (auc, iterations, seconds);
            if (toTarget is null && auc >= target) (toTarget, targetStep) = (seconds, iterations);
        }
        return new Race(name, toTarget, targetStep, best.Auc, best.Step, best.Seconds, "iterations");
    }

    private static Race DeepFm(string name, TrainTestSplit split, TrainerOptions options, double target)
    {
        using var model = new DeepFmModel(split.Train.Schema, DeepFmOptions.DeepFm, seed: 42);
        using var trainer = new Trainer(model, options);
        var curve = new List<(int Epoch, double Auc, double Seconds)>();
        var progress = new Progress(record =>
        {
            if (record.ValidationAuc is double auc) curve.Add((record.Epoch, auc, trainer.TrainingTime.TotalSeconds));
        });
        trainer.Fit(split.Train, split.Test, progress);
        foreach (var (epoch, auc, seconds) in curve.Where(point => point.Epoch % 5 == 0 || point.Epoch <= 10))
            Console.WriteLine($"{name}: epoch {epoch,3}  test AUC {auc:F4}  {seconds:F1} s");
        var reached = curve.FirstOrDefault(point => point.Auc >= target);
        var top = curve.MaxBy(point => point.Auc);
        return new Race(name, reached.Epoch > 0 ? reached.Seconds : null, reached.Epoch > 0 ? reached.Epoch : null,
            top.Auc, top.Epoch, top.Seconds, "epoch");
    }

    // Synchronous: Progress<T> would post to the thread pool and read TrainingTime late.
    private sealed class Progress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
