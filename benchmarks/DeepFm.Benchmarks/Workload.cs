using DeepFm.Notebook.Data;
using DeepFm.Notebook.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Benchmarks;

/// <summary>What the benchmark trains: the two splits and a factory for fresh models over their schema.</summary>
internal sealed record Workload(string Description, IBatchSource Train, IBatchSource Test,
    Func<nn.Module<Tensor, Tensor, Tensor>> NewModel);

/// <summary>The one place where the benchmark's data and model are chosen.</summary>
internal static class Workloads
{
    /// <summary>MovieLens-100k's encoded shape: five fields (user, gender, age bucket, occupation, movie), 14 title tokens.</summary>
    private static readonly FeatureSchema MovieLensShape = new(
        [new("user_id", 943), new("user_gender", 2), new("bucketized_user_age", 7), new("user_occupation_label", 21),
         new("movie_id", 1682)], TitleVocabularySize: 10_000, TitleLength: 14);

    // ======================================================================================================
    // PLUG-IN POINT for the real data and model (lead: wire this after merging the data and model branches).
    // Replace the body below by the MovieLens-100k splits and DeepFM, for example:
    //     var (train, test) = <load /work/shared/data/ml-100k.zip → EncodedRatings train/test splits>;
    //     return new Workload("MovieLens-100k, DeepFM", train, test, () => new DeepFm(train.Schema, ...));
    // Keep the seeding of the model inside NewModel so that every call builds the same initial weights.
    // ======================================================================================================
    public static Workload Create(string? dataPath)
    {
        if (dataPath is not null)
            throw new NotSupportedException(
                $"--data {dataPath}: the real MovieLens-100k data and DeepFM are not wired into the benchmark yet; " +
                "see the plug-in point in benchmarks/DeepFm.Benchmarks/Workload.cs.");

        var world = new SyntheticRatings(MovieLensShape, worldSeed: 1);
        InMemoryBatchSource train = world.Sample(80_000, sampleSeed: 2);
        InMemoryBatchSource test = world.Sample(20_000, sampleSeed: 3);
        return new Workload("synthetic MovieLens-shaped data, embedding-sum logistic model (trainer overhead)",
            train, test, () => new EmbeddingSumLogisticModel(MovieLensShape, seed: 4));
    }
}
