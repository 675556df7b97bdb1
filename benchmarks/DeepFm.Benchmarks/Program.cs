using System.Diagnostics;
using System.Globalization;
using DeepFm.Benchmarks;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

// Trains the original schedule (TrainerOptions defaults) and reports time, throughput and memory.
// Usage: dotnet run -c Release --project benchmarks/DeepFm.Benchmarks -- [--epochs N] [--threads T] [--data PATH]
//        [--model LR|FM|DNN|DeepFM] [--quiet]
// On a machine shared with other busy processes, OMP_WAIT_POLICY=PASSIVE stops libtorch's OpenMP threads from
// spinning while they wait, which otherwise makes more threads much slower than one.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine(TorchSharpNative.EnsureLoadable());
int epochs = 100, threads = Environment.ProcessorCount;
string? dataPath = null;
bool quiet = false;
DeepFmOptions variant = DeepFmOptions.DeepFm;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs": epochs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--data": dataPath = args[++i]; break;
        case "--quiet": quiet = true; break;
        case "--model":
            string name = args[++i];
            variant = DeepFmOptions.Presets.FirstOrDefault(preset => preset.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"--model {name}: expected one of {string.Join(", ", DeepFmOptions.Presets.Select(p => p.Name))}.");
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--epochs N] [--threads T] [--data PATH] [--model LR|FM|DNN|DeepFM] [--quiet]");
            return 2;
    }
}

// The Trainer applies this itself; the bare step loop below runs first and must be measured the same way.
NativeAllocatorTuning.Apply();
var setupClock = Stopwatch.StartNew();
var options = new TrainerOptions { Epochs = epochs, Threads = threads };
Workload workload = Workloads.Create(dataPath, variant, options.Seed);
Console.WriteLine($"Workload : {workload.Description}");
Console.WriteLine($"Rows     : {workload.Train.Count:N0} train / {workload.Test.Count:N0} test, setup {setupClock.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"Data     : load (unzip + parse + join) {workload.LoadTime.TotalMilliseconds:F0} ms, " +
                  $"features (vocabularies + titles + encoding + split) {workload.FeatureTime.TotalMilliseconds:F0} ms, warm");
Console.WriteLine($"Schedule : {options.Epochs} epochs, batches {options.TrainBatchSize}/{options.TestBatchSize}, " +
                  $"validate every {options.ValidateEvery}, Adagrad lr {options.LearningRate}, {options.Threads} threads");

TimeSpan rawEpoch = RawStepTimer.TimeOneEpoch(workload, options);
RawStepTimer.TimeBatchSource(workload.Train, options.TrainBatchSize, seed: 0); // warm-up
TimeSpan batchSourceEpoch = RawStepTimer.TimeBatchSource(workload.Train, options.TrainBatchSize, seed: 1);

using var model = workload.NewModel();
using var trainer = new Trainer(model, options);
var wallClock = Stopwatch.StartNew();
var epochTimer = new EpochTimer(quiet ? null : new ConsoleProgress(options.Epochs));
TrainingHistory history = trainer.Fit(workload.Train, workload.Test, epochTimer);
wallClock.Stop();

// What the whole-epoch metrics cost: log-loss and exact AUC over as many rows as the training split.
var random = new Random(0);
float[] someLogits = Enumerable.Range(0, workload.Train.Count).Select(_ => (float)random.NextDouble()).ToArray();
float[] someLabels = someLogits.Select(logit => random.NextDouble() < logit ? 1f : 0f).ToArray();
float[] scratchScores = new float[someLogits.Length], scratchLabels = new float[someLogits.Length];
var metricsClock = Stopwatch.StartNew();
for (int repeat = 0; repeat < 10; repeat++)
{
    LogLoss.FromLogits(someLogits, someLabels);
    RocAuc.Compute(someLogits, someLabels, scratchScores, scratchLabels);
}
TimeSpan metricsTime = metricsClock.Elapsed / 10;

double wallSeconds = wallClock.Elapsed.TotalSeconds;
double trainingSeconds = trainer.TrainingTime.TotalSeconds;
double evaluationSeconds = trainer.EvaluationTime.TotalSeconds;
int validations = history.Epochs.Count(record => record.TestAuc is not null);
double trainedExamples = (double)workload.Train.Count * history.Epochs.Count;
double secondsPerEpoch = trainingSeconds / history.Epochs.Count;
double secondsPerValidation = evaluationSeconds / Math.Max(validations, 1);
double projectedFullRun = 100 * secondsPerEpoch + 20 * secondsPerValidation;

Console.WriteLine();
Console.WriteLine($"Wall time, {history.Epochs.Count} epochs      : {wallSeconds,9:F2} s");
Console.WriteLine($"  training                     : {trainingSeconds,9:F2} s ({secondsPerEpoch * 1000:F1} ms/epoch)");
Console.WriteLine($"  validation ({validations,3}x)            : {evaluationSeconds,9:F2} s ({secondsPerValidation * 1000:F1} ms each)");
Console.WriteLine($"  other (progress, snapshots)  : {wallSeconds - trainingSeconds - evaluationSeconds,9:F2} s");
Console.WriteLine($"Training throughput            : {trainedExamples / trainingSeconds,9:N0} examples/s");
Console.WriteLine($"Median training epoch          : {epochTimer.MedianTrainingEpoch.TotalMilliseconds,9:F1} ms");
Console.WriteLine($"Bare step loop, median epoch   : {rawEpoch.TotalMilliseconds,9:F1} ms (same batches, no copies/metrics)");
Console.WriteLine($"Batch source alone, one epoch  : {batchSourceEpoch.TotalMilliseconds,9:F1} ms (shuffle + gather)");
Console.WriteLine($"Loss + AUC over the train split: {metricsTime.TotalMilliseconds,9:F1} ms per epoch");
Console.WriteLine($"Trainer epoch / bare epoch     : {epochTimer.MedianTrainingEpoch / rawEpoch,9:F2}x (medians)");
Console.WriteLine($"Validation / training epoch    : {secondsPerValidation / secondsPerEpoch,9:F2}x");
Console.WriteLine($"Projected 100 epochs + 20 val. : {projectedFullRun,9:F2} s (budget 30 s: {projectedFullRun / 30:P0})");
Console.WriteLine($"Peak working set               : {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),9:F0} MiB");
int lastEpoch = history.Epochs.Count;
int[] sampledEpochs = [.. new[] { 10, 25, 50, 75 }.Where(epoch => epoch < lastEpoch), lastEpoch];
Console.WriteLine("Working set after epoch        : " + string.Join(", ",
    sampledEpochs.Select(epoch => $"{epoch}: {epochTimer.WorkingSetAfter(epoch) / (1024.0 * 1024.0):F0} MiB")));
Console.WriteLine($"Final test AUC                 : {history.LastValidated?.TestAuc,9:F4} (epoch {history.LastValidated?.Epoch})");
Console.WriteLine($"Best test AUC                  : {history.Best?.TestAuc,9:F4} (epoch {history.Best?.Epoch})");
return 0;
