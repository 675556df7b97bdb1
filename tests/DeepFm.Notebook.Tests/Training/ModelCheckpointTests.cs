using DeepFm.Notebook.Data;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

public sealed class ModelCheckpointTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"deepfm-checkpoint-{Guid.NewGuid():N}");

    [Fact]
    public void ALoadedModelPredictsExactlyLikeTheSavedOne()
    {
        using var train = TrainingFixture.World.Sample(1000, sampleSeed: 90);
        using var trained = TrainingFixture.NewModel(seed: 1);
        Trainer.Fit(trained, train, train, TrainingFixture.QuickOptions with { Epochs = 2 },
            cancellation: TestContext.Current.CancellationToken);
        string path = Path.Combine(folder, "nested", "model.bin");

        ModelCheckpoint.Save(trained, path);
        using var fresh = TrainingFixture.NewModel(seed: 2);
        Assert.NotEqual(Predict(trained, train), Predict(fresh, train)); // different before loading
        ModelCheckpoint.Load(fresh, path);

        Assert.Equal(Predict(trained, train), Predict(fresh, train));
    }

    [Fact]
    public void AMissingFileIsAClearError()
    {
        using var model = TrainingFixture.NewModel();
        var error = Assert.Throws<FileNotFoundException>(() => ModelCheckpoint.Load(model, Path.Combine(folder, "none.bin")));
        Assert.Contains("ModelCheckpoint.Save", error.Message);
    }

    [Fact]
    public void ACheckpointOfADifferentlyShapedModelIsRejected()
    {
        string path = Path.Combine(folder, "small.bin");
        using (var model = TrainingFixture.NewModel()) ModelCheckpoint.Save(model, path);
        var otherSchema = TrainingFixture.World.Schema with { TitleVocabularySize = 99 };
        using var other = new EmbeddingSumLogisticModel(otherSchema, seed: 1);

        var error = Assert.Throws<InvalidDataException>(() => ModelCheckpoint.Load(other, path));
        Assert.Contains("same schema", error.Message);
    }

    [Fact]
    public void AFailedSaveLeavesThePreviousCheckpointIntactAndNoTemporaryFile()
    {
        string path = Path.Combine(folder, "model.bin");
        using (var model = TrainingFixture.NewModel(seed: 1)) ModelCheckpoint.Save(model, path);
        byte[] before = File.ReadAllBytes(path);

        using var failing = new FailsHalfwayThroughSaving();
        Assert.ThrowsAny<Exception>(() => ModelCheckpoint.Save(failing, path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    /// <summary>
    /// Its weights cannot all be written: the first tensor is, the second is already freed, so the save fails
    /// halfway through, as a full disk or a killed process would.
    /// </summary>
    private sealed class FailsHalfwayThroughSaving : nn.Module
    {
        public FailsHalfwayThroughSaving() : base(nameof(FailsHalfwayThroughSaving)) { }

        public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
        {
            Tensor freed = ones(4);
            freed.Dispose();
            return new Dictionary<string, Tensor> { ["written"] = ones(1000), ["freed"] = freed };
        }
    }

    private static float[] Predict(nn.Module<Tensor, Tensor, Tensor> model, IBatchSource source)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var batch = source.Batches(source.Count).Single();
        return model.call(batch.Categorical, batch.TitleTokens).data<float>().ToArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
