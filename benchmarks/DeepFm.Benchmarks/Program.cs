using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DeepFm.Benchmarks;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Parameters;
using DeepFm.Notebook.Training;

// Trains the original schedule (TrainerOptions defaults: 100 epochs, a validation every 5) and reports time, where a
// step's time goes, throughput and memory. See --help; for example
//   dotnet run -c Release --project benchmarks/DeepFm.Benchmarks -- --data ../shared/data/ml-100k.zip
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// libtorch's OpenMP wait policy is left as the caller set it: on a quiet machine the default (spinning) is the faster
// one (2 threads: 21–29 s against 36–37 s with PASSIVE, back to back), on a busy one OMP_WAIT_POLICY=PASSIVE is.
string waitPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(libtorch default)";

var epochsOption = new Option<int>("--epochs") { Description = "Training epochs (the original: 100).", DefaultValueFactory = _ => 100 };
var threadsOption = new Option<int>("--threads") { Description = "libtorch threads (torch.set_num_threads).", DefaultValueFactory = _ => Environment.ProcessorCount };
// DEEPFM_DATA is read here, at the edge, and passed down as a path (null: the library's download cache).
var dataOption = new Option<string?>("--data")
{
    Description = "MovieLens-100k zip or folder (default: DEEPFM_DATA, else the download cache, or a download).",
    DefaultValueFactory = _ => NotebookParameters.DataPath(),
};
var modelOption = new Option<string>("--model") { Description = "Model variant.", DefaultValueFactory = _ => "DeepFM" };
modelOption.AcceptOnlyFromAmong([.. DeepFmOptions.Presets.Select(preset => preset.Name)]);
var breakdownEpochsOption = new Option<int>("--breakdown-epochs") { Description = "Epochs timed phase by phase before the run (0: skip).", DefaultValueFactory = _ => 2 };
var quietOption = new Option<bool>("--quiet") { Description = "No per-epoch progress lines." };
var timeToAucOption = new Option<bool>("--time-to-auc") { Description = "Instead: ML.NET's FFM vs DeepFM, seconds to a test AUC of 0.77 (TimeToAuc.cs)." };
var recipeSearchOption = new Option<bool>("--recipe-search") { Description = "Instead: notebook 06's search on validation (RecipeSearch.cs)." };
var root = new RootCommand("Times DeepFM training on MovieLens-100k with the original tutorial's schedule.")
{
    epochsOption, threadsOption, dataOption, modelOption, breakdownEpochsOption, quietOption, timeToAucOption, recipeSearchOption,
};
root.SetAction(parsed => parsed.GetValue(recipeSearchOption) ? RecipeSearch.Run(parsed.GetValue(dataOption), parsed.GetValue(epochsOption))
    : parsed.GetValue(timeToAucOption)
    ? TimeToAuc.Run(parsed.GetValue(dataOption), parsed.GetValue(threadsOption), target: 0.77, maxIterations: 12, ffmLambda: 1e-3f)
    : Benchmark.Run(waitPolicy, parsed.GetValue(epochsOption), parsed.GetValue(threadsOption), parsed.GetValue(dataOption),
    DeepFmOptions.Presets.Single(preset => preset.Name == parsed.GetValue(modelOption)),
    parsed.GetValue(breakdownEpochsOption), parsed.GetValue(quietOption)));
return root.Parse(args).Invoke();

internal static class Benchmark
{
    public static int Run(string waitPolicy, int epochs, int threads, string? dataPath, DeepFmOptions variant, int breakdownEpochs, bool quiet)
    {
        Console.WriteLine(TorchSharpNative.EnsureLoadable());
        // The one process-wide scope (threads, collector pause, allocator tuning) for the whole benchmark: the
        // breakdown below runs outside the Trainer and must be measured under the same settings as Fit.
        using var torchRuntime = TorchRuntime.Open(threads: threads);
        var setupClock = Stopwatch.StartNew();
        var options = new TrainerOptions { Epochs = epochs, Threads = threads };
        Workload workload = Workloads.Create(dataPath, variant, options.Seed);
        Console.WriteLine($"Workload : {workload.Description}");
        Console.WriteLine($"Machine  : {Environment.ProcessorCount} logical cores, OMP_WAIT_POLICY={waitPolicy}, {Environment.OSVersion}");
        Console.WriteLine($"Rows     : {workload.Train.Count:N0} train / {workload.Test.Count:N0} test, setup {setupClock.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"Data     : load (unzip + parse + join) {workload.LoadTime.TotalMilliseconds:F0} ms, " +
                          $"features (vocabularies + titles + encoding + split) {workload.FeatureTime.TotalMilliseconds:F0} ms, warm");
        Console.WriteLine($"Schedule : {options.Epochs} epochs, batches {options.TrainBatchSize}/{options.TestBatchSize}, " +
                          $"validate every {options.ValidateEvery}, Adagrad lr {options.LearningRate}, {options.Threads} threads");

        double[] phaseMilliseconds = breakdownEpochs > 0 && variant == DeepFmOptions.DeepFm
            ? StepBreakdown.Measure(workload, options, breakdownEpochs)
            : [];

        using var model = workload.NewModel();
        using var trainer = new Trainer(model, options);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wallClock = Stopwatch.StartNew();
        var epochTimer = new EpochTimer(quiet ? null : new ConsoleProgress(options.Epochs));
        TrainingHistory history = trainer.Fit(workload.Train, workload.Test, epochTimer);
        wallClock.Stop();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        double wallSeconds = wallClock.Elapsed.TotalSeconds;
        double trainingSeconds = trainer.TrainingTime.TotalSeconds;
        double evaluationSeconds = trainer.EvaluationTime.TotalSeconds;
        int validations = history.Epochs.Count(record => record.ValidationAuc is not null);
        int stepsPerEpoch = (workload.Train.Count + options.TrainBatchSize - 1) / options.TrainBatchSize;
        double secondsPerEpoch = trainingSeconds / history.Epochs.Count;
        double secondsPerValidation = evaluationSeconds / Math.Max(validations, 1);

        Console.WriteLine();
        Console.WriteLine($"FIT: {history.Epochs.Count} epochs + {validations} validations : {wallSeconds,9:F2} s wall");
        Console.WriteLine($"  CPU time of the process      : {cpuSeconds,9:F2} s ({cpuSeconds / wallSeconds:F2} cores busy on average)");
        Console.WriteLine($"  training                     : {trainingSeconds,9:F2} s ({secondsPerEpoch * 1000:F1} ms/epoch, {secondsPerEpoch * 1000 / stepsPerEpoch:F2} ms/step)");
        Console.WriteLine($"  validation ({validations,3}x)            : {evaluationSeconds,9:F2} s ({secondsPerValidation * 1000:F1} ms each)");
        Console.WriteLine($"  other (progress, snapshots)  : {wallSeconds - trainingSeconds - evaluationSeconds,9:F2} s");
        Console.WriteLine($"Training throughput            : {(double)workload.Train.Count * history.Epochs.Count / trainingSeconds,9:N0} examples/s");
        Console.WriteLine($"Validation throughput          : {(double)workload.Test.Count * validations / Math.Max(evaluationSeconds, 1e-9),9:N0} examples/s");
        Console.WriteLine($"Median training epoch          : {epochTimer.MedianTrainingEpoch.TotalMilliseconds,9:F1} ms");
        Console.WriteLine($"Validation / training epoch    : {secondsPerValidation / secondsPerEpoch,9:F2}x");
        Console.WriteLine($"Projected 100 epochs + 20 val. : {100 * secondsPerEpoch + 20 * secondsPerValidation,9:F2} s (target 20 s)");
        if (phaseMilliseconds.Length > 0)
            PrintBreakdown(phaseMilliseconds, stepsPerEpoch, epochTimer.MedianTrainingEpoch.TotalMilliseconds, metricsMilliseconds: MetricsCost(workload.Train.Count));
        Console.WriteLine($"Peak working set               : {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),9:F0} MiB");
        int lastEpoch = history.Epochs.Count;
        int[] sampledEpochs = [.. new[] { 10, 25, 50, 75 }.Where(epoch => epoch < lastEpoch), lastEpoch];
        Console.WriteLine("Working set after epoch        : " + string.Join(", ",
            sampledEpochs.Select(epoch => $"{epoch}: {epochTimer.WorkingSetAfter(epoch) / (1024.0 * 1024.0):F0} MiB")));
        Console.WriteLine($"Final test AUC                 : {history.LastValidated?.ValidationAuc,9:F4} (epoch {history.LastValidated?.Epoch})");
        Console.WriteLine($"Best test AUC                  : {history.Best?.ValidationAuc,9:F4} (epoch {history.Best?.Epoch})");
        return 0;
    }

    // Median ms per step of each phase, their sum (the bare step), and how the trainer's epoch compares with it.
    private static void PrintBreakdown(double[] phaseMilliseconds, int stepsPerEpoch, double trainerEpochMilliseconds, double metricsMilliseconds)
    {
        double step = phaseMilliseconds.Sum();
        Console.WriteLine();
        Console.WriteLine("Step breakdown (median ms per training step of 2,048; phases timed one by one):");
        for (int phase = 0; phase < StepBreakdown.Phases.Length; phase++)
            Console.WriteLine($"  {StepBreakdown.Phases[phase],-28} : {phaseMilliseconds[phase],7:F2} ms  {phaseMilliseconds[phase] / step,6:P0}");
        Console.WriteLine($"  {"bare step (sum)",-28} : {step,7:F2} ms  → {step * stepsPerEpoch,7:F1} ms per epoch of {stepsPerEpoch} steps");
        Console.WriteLine($"  {"loss + AUC of an epoch",-28} : {metricsMilliseconds,7:F2} ms per epoch (host side, over 80,000 rows)");
        Console.WriteLine($"Trainer epoch / bare epoch     : {trainerEpochMilliseconds / (step * stepsPerEpoch),9:F2}x (medians)");
        Console.WriteLine();
    }

    // What the whole-epoch metrics cost: log-loss and exact AUC over as many rows as the training split.
    private static double MetricsCost(int rows)
    {
        var random = new Random(0);
        float[] logits = Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray();
        float[] labels = logits.Select(logit => random.NextDouble() < logit ? 1f : 0f).ToArray();
        float[] scratchScores = new float[rows], scratchLabels = new float[rows];
        var clock = Stopwatch.StartNew();
        for (int repeat = 0; repeat < 10; repeat++)
        {
            LogLoss.FromLogits(logits, labels);
            RocAuc.Compute(logits, labels, scratchScores, scratchLabels);
        }
        return clock.Elapsed.TotalMilliseconds / 10;
    }
}
