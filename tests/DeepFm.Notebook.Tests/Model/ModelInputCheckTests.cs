using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

/// <summary>
/// The model's one input check (<see cref="DeepFmModel.CheckInput"/>) on the ways in that mutation testing found
/// unguarded: <see cref="DeepFmModel.DenseFieldEmbeddings"/>, float indices, scalars, and an empty batch.
/// </summary>
public class ModelInputCheckTests
{
    [Fact]
    public void BadInputsGetOurMessageOnEveryWayIn()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 8);
        using var scope = torch.NewDisposeScope();
        using var batch = features.Ratings.Batches(4).First();

        using var mismatched = new FeatureBatch(batch.Categorical, batch.TitleTokens[..2], batch.Labels);
        Assert.Contains("same number of examples", Assert.Throws<ArgumentException>(() => model.DenseFieldEmbeddings(mismatched)).Message);
        Assert.Contains("same number of examples", Assert.Throws<ArgumentException>(() => model.CheckInput(torch.tensor(3L), batch.TitleTokens)).Message);
        Assert.Contains("same number of examples", Assert.Throws<ArgumentException>(() => model.CheckInput(batch.Categorical, torch.tensor(3L))).Message);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => model.CheckInput(batch.Categorical.to(ScalarType.Float32), batch.TitleTokens)).Message);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => model.CheckInput(batch.Categorical, batch.TitleTokens.to(ScalarType.Float32))).Message);
    }

    [Fact]
    public void AnEmptyBatchPassesTheCheck()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 9);
        using var scope = torch.NewDisposeScope();
        using var batch = features.Ratings.Batches(4).First();

        model.CheckInput(batch.Categorical[..0], batch.TitleTokens[..0]);   // no examples, nothing out of range
    }
}
