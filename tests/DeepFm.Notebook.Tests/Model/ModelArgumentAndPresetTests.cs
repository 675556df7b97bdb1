using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

/// <summary>
/// What mutation testing found unguarded in Model/: the parts each preset switches on, option equality field by
/// field, the layers' argument checks, the truncated normal's ±2σ bound, the data buffers kept out of checkpoints,
/// and an FM-only model's logit sum.
/// </summary>
public class ModelArgumentAndPresetTests
{
    [Fact]
    public void EachPresetSwitchesOnExactlyItsParts()
    {
        Assert.Equal((true, false, false), Parts(DeepFmOptions.LogisticRegression));
        Assert.Equal((true, true, false), Parts(DeepFmOptions.FactorizationMachine));
        Assert.Equal((false, false, true), Parts(DeepFmOptions.Dnn));
        Assert.Equal((true, true, true), Parts(DeepFmOptions.DeepFm));

        static (bool, bool, bool) Parts(DeepFmOptions options) => (options.UseFirstOrder, options.UseFm, options.UseDnn);
    }

    [Fact]
    public void OptionsDifferingInAnyOneSettingAreNotEqual()
    {
        var options = DeepFmOptions.DeepFm;
        Assert.Equal(options, options with { HiddenUnits = [.. options.HiddenUnits] });
        Assert.NotEqual(options, options with { Name = "other" });
        Assert.NotEqual(options, options with { UseFirstOrder = false });
        Assert.NotEqual(options, options with { UseFm = false });
        Assert.NotEqual(options, options with { UseDnn = false });
        Assert.NotEqual(options, options with { EmbeddingDimension = options.EmbeddingDimension + 1 });
        Assert.NotEqual(options, options with { HiddenUnits = [64] });
        Assert.False(options.Equals(null));
    }

    [Fact]
    public void LayersRejectEmptyOrNonPositiveSizes()
    {
        using var generator = new Generator(1);
        CategoricalField[] fields = [new("user_id", 5), new("movie_id", 7)];
        Assert.Throws<ArgumentException>(() => new FieldEmbeddings([], 4, generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldEmbeddings(fields, 0, generator));
        Assert.Throws<ArgumentException>(() => new FirstOrderWeights([], generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskedTitleEmbedding(1, 4, generator));
        using (new MaskedTitleEmbedding(2, 4, generator)) { }   // padding plus one token is the smallest vocabulary
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskedTitleEmbedding(10, 0, generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(0, [4], generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(4, [0], generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(4, [4, 0], generator));
        using var zeros = torch.zeros(3, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.FillGlorotUniform(zeros, 0, 3, generator));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.FillGlorotUniform(zeros, 3, 0, generator));

        using var embeddings = new FieldEmbeddings(fields, 4, generator);
        Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.TableOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => embeddings.TableOf(2));
        Assert.Equal(new long[] { 7, 4 }, embeddings.TableOf(1).shape);
    }

    [Fact]
    public void MlpRejectsARankThreeInputEvenWhenItsSecondSizeMatches()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(2);
        using var mlp = new Mlp(inputWidth: 4, hiddenUnits: [3], generator);
        Assert.Contains("[B, 4]", Assert.Throws<ArgumentException>(() => mlp.call(torch.zeros(2, 4, 1))).Message);
    }

    [Fact]
    public void TruncatedNormalStaysWithinTwoStandardDeviationsAndReachesNearThem()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(3);
        var values = Initializers.FillTruncatedNormal(torch.empty(20_000), stddev: 0.5, generator).data<float>().ToArray();
        Assert.True(values.Max(Math.Abs) <= 1.0f, $"a value {values.Max(Math.Abs)} lies beyond 2σ = 1");
        Assert.True(values.Max(Math.Abs) > 0.95f, "20,000 draws should come close to the 2σ bound");
    }

    [Fact]
    public void DataBuffersAreNotSavedAndGenreWeightsAreKerasUniform()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())), extraFields: ExtraFields.All);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 5);

        // Field offsets and genre bags are data: rebuilt from the schema, never written into a checkpoint.
        string[] saved = model.state_dict().Keys.ToArray();
        Assert.DoesNotContain(saved, key => key.Contains("fieldOffsets") || key.Contains("genreBagsOfMovies"));
        // The genre table is a trained parameter, drawn from uniform(−0.05, 0.05) like Keras' default embedding.
        var genreWeights = model.GenreEmbedding!.parameters().Single().data<float>().ToArray();
        Assert.Contains(saved, key => key.StartsWith("genreEmbedding"));
        Assert.True(genreWeights.Min() >= -0.05f && genreWeights.Max() <= 0.05f);
        Assert.True(genreWeights.Min() < -0.02f && genreWeights.Max() > 0.02f, "the weights should spread over (−0.05, 0.05)");
    }

    [Fact]
    public void AnFmOnlyModelsLogitIsItsPairwisePart()
    {
        using var fixture = new MovieLensFixture();
        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm with { UseFirstOrder = false, UseDnn = false }, seed: 6);
        using var scope = torch.NewDisposeScope();
        using var batch = features.Ratings.Batches(features.Ratings.Count).Single();
        var parts = model.Parts(batch);
        Assert.Null(parts.FirstOrder);
        Assert.Equal(parts.Fm!.data<float>().ToArray(), parts.Sum().data<float>().ToArray());
        Assert.Equal(["FM"], parts.Present.Select(part => part.Name));
    }
}
