using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// The checkpoint notebook 04 writes: a trained <see cref="DeepFmModel"/> saved with <see cref="ModelCheckpoint.Save"/>
/// and loaded into a freshly built DeepFM of the same schema and options but another seed gives identical logits —
/// every part (first-order weights, field and title embeddings, FM, MLP) comes back.
/// </summary>
public sealed class DeepFmCheckpointTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"deepfm-checkpoint-{Guid.NewGuid():N}");

    [Fact]
    public void ATrainedDeepFmComesBackWithIdenticalLogitsAndParts()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        using var trained = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 42);
        Trainer.Fit(trained, features.Ratings, features.Ratings,
            new TrainerOptions { Epochs = 3, TrainBatchSize = 4, ValidateEvery = 3, Threads = 1 },
            cancellation: TestContext.Current.CancellationToken);
        string path = Path.Combine(folder, "artifacts", "deepfm-movielens100k.bin"); // notebook 04's file name

        ModelCheckpoint.Save(trained, path);
        using var fresh = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 7);
        Assert.NotEqual(Logits(trained, features.Ratings), Logits(fresh, features.Ratings)); // different before loading
        ModelCheckpoint.Load(fresh, path);

        Assert.Equal(Logits(trained, features.Ratings), Logits(fresh, features.Ratings));
        var savedParameters = trained.named_parameters().ToDictionary(named => named.name, named => named.parameter.data<float>().ToArray());
        foreach (var (name, parameter) in fresh.named_parameters())
            Assert.Equal(savedParameters[name], parameter.data<float>().ToArray());
    }

    private static float[] Logits(DeepFmModel model, IBatchSource source)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        using var batch = source.Batches(source.Count).Single();
        return model.Logits(batch).data<float>().ToArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
