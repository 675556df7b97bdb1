using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Benchmarks;

/// <summary>What the benchmark trains: the two splits and a factory for fresh models over their schema.</summary>
internal sealed record Workload(string Description, IBatchSource Train, IBatchSource Test,
    Func<DeepFmModel> NewModel, TimeSpan LoadTime, TimeSpan FeatureTime);

/// <summary>The benchmark's data and model: MovieLens-100k, the original's split, and one of the four model variants.</summary>
internal static class Workloads
{
    /// <summary>
    /// Loads MovieLens-100k from <paramref name="dataPath"/> (a zip or folder, <c>--data</c> or DEEPFM_DATA; null:
    /// the download cache, or a download), times a warm load and feature build, and returns the seed-42 split with a
    /// factory for the <paramref name="variant"/> model.
    /// </summary>
    public static Workload Create(string? dataPath, DeepFmOptions variant, int seed)
    {
        MovieLensFeatures.Build(MovieLens100k.Load(dataPath, Console.Out)); // warm-up: JIT, file cache
        var clock = Stopwatch.StartNew();
        MovieLens100k data = MovieLens100k.Load(dataPath);
        TimeSpan loadTime = clock.Elapsed;
        clock.Restart();
        MovieLensFeatures features = MovieLensFeatures.Build(data);
        TrainTestSplit split = features.Split(seed: TrainTestSplit.DefaultSeed);
        TimeSpan featureTime = clock.Elapsed;

        return new Workload($"MovieLens-100k ({data.Source}), {variant}", split.Train, split.Test,
            () => new DeepFmModel(features.Schema, variant, seed), loadTime, featureTime);
    }
}
