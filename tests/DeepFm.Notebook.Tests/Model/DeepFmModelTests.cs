using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Tests.Model;

public class DeepFmModelTests
{
    private static readonly FeatureSchema Schema = ModelTestData.MovieLens100kSchema();

    // The original Keras DeepFM on ML-100k, counted by hand (D = 32, one-hot width 943 + 2 + 7 + 17 + 1682 = 2651):
    //   categorical embeddings 32 · (943 + 2 + 7 + 17 + 1682) = 32 · 2651      =  84,832
    //   title Embedding(10000, 32)                    10000 · 32                = 320,000
    //   linear Dense(1) over the one-hot width         2651 · 1 + 1             =   2,652
    //   FM(factors=None)                                                         =       0
    //   DNN Dense(64) on 6 · 32 = 192 inputs           192 · 64 + 64            =  12,352
    //       Dense(32)                                   64 · 32 + 32             =   2,080
    //       Dense(1)                                    32 · 1 + 1               =      33
    private const long CategoricalEmbeddingCount = 32 * (943 + 2 + 7 + 17 + 1682);
    private const long TitleEmbeddingCount = 10_000 * 32;
    private const long LinearCount = 2651 + 1;
    private const long DnnCount = 192 * 64 + 64 + 64 * 32 + 32 + 32 * 1 + 1;

    [Fact]
    public void ParameterCountEqualsTheOriginalKerasModel()
    {
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 1);
        Assert.Equal(CategoricalEmbeddingCount + TitleEmbeddingCount + LinearCount + DnnCount, model.ParameterCount);
        Assert.Equal(421_949, model.ParameterCount);
    }

    [Theory]
    [InlineData("LR", LinearCount)]                                                          // 2,652
    [InlineData("FM", LinearCount + CategoricalEmbeddingCount + TitleEmbeddingCount)]        // 407,484
    [InlineData("DNN", CategoricalEmbeddingCount + TitleEmbeddingCount + DnnCount)]          // 419,297
    [InlineData("DeepFM", LinearCount + CategoricalEmbeddingCount + TitleEmbeddingCount + DnnCount)]
    public void PresetsCreateOnlyTheirParts(string presetName, long expectedParameters)
    {
        var options = DeepFmOptions.Presets.Single(preset => preset.Name == presetName);
        using var model = new DeepFmModel(Schema, options, seed: 2);
        Assert.Equal(expectedParameters, model.ParameterCount);
    }

    [Theory]
    [InlineData("LR", new[] { "firstOrderWeights" })]
    [InlineData("FM", new[] { "fieldEmbeddings", "titleEmbedding", "firstOrderWeights", "factorizationMachine" })]
    [InlineData("DNN", new[] { "fieldEmbeddings", "titleEmbedding", "mlp" })]
    [InlineData("DeepFM", new[] { "fieldEmbeddings", "titleEmbedding", "firstOrderWeights", "factorizationMachine", "mlp" })]
    public void PresetsHaveTheirModulesInCallOrder(string presetName, string[] expectedParts)
    {
        var options = DeepFmOptions.Presets.Single(preset => preset.Name == presetName);
        using var model = new DeepFmModel(Schema, options, seed: 3);
        Assert.Equal(expectedParts, model.named_children().Select(child => child.name).ToArray());
    }

    [Fact]
    public void ForwardGivesOneLogitPerExampleAndPredictItsSigmoid()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 4);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 7, seed: 5);

        var logits = model.Logits(batch);
        var probabilities = model.Predict(batch);

        Assert.Equal(new long[] { 7 }, logits.shape);
        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.True(probabilities.allclose(torch.sigmoid(logits)));
        Assert.False(probabilities.requires_grad);
        Assert.True(logits.requires_grad);
    }

    [Fact]
    public void LogitIsTheSumOfFirstOrderFmAndDnnOverTheSixDenseFields()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 6);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 9, seed: 7);

        var fieldVectors = model.FieldEmbeddings!.call(batch.Categorical);
        var titleVector = model.TitleEmbedding!.call(batch.TitleTokens);
        Assert.Equal(new long[] { 9, 5, 32 }, fieldVectors.shape);
        Assert.Equal(new long[] { 9, 32 }, titleVector.shape);
        var dense = torch.cat([fieldVectors, titleVector.unsqueeze(1)], dim: 1);   // [9, 6, 32]
        Assert.True(ModelTestData.SameValues(dense, model.DenseFieldEmbeddings(batch)));
        Assert.Equal(["user_id", "user_gender", "bucketized_user_age", "user_occupation_label", "movie_id", "movie_title"], Schema.DenseFieldNames);

        var parts = model.Parts(batch);
        Assert.True(ModelTestData.SameValues(parts.FirstOrder!, model.FirstOrderWeights!.call(batch.Categorical).squeeze(1)));
        Assert.True(ModelTestData.SameValues(parts.Fm!, model.FactorizationMachine!.call(dense).squeeze(1)));
        Assert.True(ModelTestData.SameValues(parts.Dnn!, model.Mlp!.call(dense.reshape(9, 6 * 32)).squeeze(1)));
        foreach (var part in new[] { parts.FirstOrder!, parts.Fm!, parts.Dnn! })
        {
            Assert.Equal(new long[] { 9 }, part.shape);
            Assert.Equal(ScalarType.Float32, part.dtype);
        }
        Assert.True(model.Logits(batch).allclose(parts.FirstOrder! + parts.Fm! + parts.Dnn!, rtol: 1e-5, atol: 1e-6));
    }

    [Theory]
    [InlineData("LR", true, false, false)]
    [InlineData("FM", true, true, false)]
    [InlineData("DNN", false, false, true)]
    public void PartsAreNullWhereTheVariantHasNoSuchPart(string presetName, bool firstOrder, bool pairwise, bool deep)
    {
        using var scope = torch.NewDisposeScope();
        var options = DeepFmOptions.Presets.Single(preset => preset.Name == presetName);
        using var model = new DeepFmModel(Schema, options, seed: 6);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 5, seed: 7);

        var parts = model.Parts(batch);

        Assert.Equal(firstOrder, parts.FirstOrder is not null);
        Assert.Equal(pairwise, parts.Fm is not null);
        Assert.Equal(deep, parts.Dnn is not null);
        Assert.True(model.Logits(batch).allclose(parts.Sum(), rtol: 1e-5, atol: 1e-6));
        if (presetName == "LR")
            Assert.Throws<InvalidOperationException>(() => model.DenseFieldEmbeddings(batch));
        else
            Assert.Equal(new long[] { 5, 6, 32 }, model.DenseFieldEmbeddings(batch).shape);
    }

    [Fact]
    public void EveryParameterReceivesAGradientAndEveryTouchedRowMoves()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 8);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 64, seed: 9);

        var loss = functional.binary_cross_entropy_with_logits(model.Logits(batch), batch.Labels);
        loss.backward();

        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(10, parameters.Count);   // shared field table + title table + linear weights & bias + 3 × (weight, bias)
        foreach (var (name, parameter) in parameters)
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name} has an all-zero gradient");
        }

        // Each row looked up by the batch gets a gradient, through the FM and the DNN (embeddings) or directly
        // (linear weights): the row of field f's index i is offset_f + i in both tables.
        var tableRows = (batch.Categorical + torch.tensor(Schema.FieldOffsets.ToArray())).flatten().unique().Item1;
        Assert.Equal(new long[] { 0, 943, 945, 952, 969 }, Schema.FieldOffsets);
        var embeddingGradients = parameters["fieldEmbeddings.sharedTable"].grad!.index_select(0, tableRows);
        Assert.True((embeddingGradients.abs().sum(dim: 1) > 0).all().item<bool>(), "a table row used by the batch got no gradient");
        var linearGradients = parameters["firstOrderWeights.featureWeights"].grad!.index_select(0, tableRows);
        Assert.True((linearGradients.abs() > 0).all().item<bool>());
    }

    [Fact]
    public void SameSeedSameWeightsAndLogitsDifferentSeedDifferentWeights()
    {
        using var scope = torch.NewDisposeScope();
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 16, seed: 10);
        using var first = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 42);
        torch.randn(100);   // the global generator moving on between builds must not matter
        using var second = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 42);
        using var other = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 43);

        var secondParameters = second.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in first.named_parameters())
            Assert.True(ModelTestData.SameValues(parameter, secondParameters[name]), $"{name} differs between two builds with seed 42");
        Assert.True(ModelTestData.SameValues(first.Logits(batch), second.Logits(batch)));
        Assert.False(first.Logits(batch).allclose(other.Logits(batch)));
    }

    [Fact]
    public void RejectsMismatchedBatchSizesAndModelsWithNoParts()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 11);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 4, seed: 12);
        var error = Assert.Throws<ArgumentException>(() => model.call(batch.Categorical, batch.TitleTokens[..3]));
        Assert.Contains("same number of examples", error.Message);

        var nothing = DeepFmOptions.DeepFm with { Name = "none", UseFirstOrder = false, UseFm = false, UseDnn = false };
        Assert.Throws<ArgumentException>(() => new DeepFmModel(Schema, nothing, seed: 1));
    }

    [Fact]
    public void ABadIndexIsReportedWhereTheBatchEntersTheModelAndByAPartsExplicitCheck()
    {
        using var model = new DeepFmModel(Schema, DeepFmOptions.DeepFm, seed: 3);
        using var batch = ModelTestData.RandomBatch(Schema, batchSize: 4, seed: 5);
        using var badCategorical = batch.Categorical.clone();
        badCategorical[0, 1] = torch.tensor(2L); // user_gender has 2 values: 0 and 1
        using var badTitles = batch.TitleTokens.clone();
        badTitles[1, 0] = torch.tensor(10_000L);

        var viaModel = Assert.Throws<ArgumentOutOfRangeException>(() => model.call(badCategorical, batch.TitleTokens));
        Assert.Contains("user_gender", viaModel.Message);
        var viaParts = Assert.Throws<ArgumentOutOfRangeException>(() => model.Parts(badCategorical, batch.TitleTokens));
        Assert.Contains("user_gender", viaParts.Message);
        var badTitle = Assert.Throws<ArgumentOutOfRangeException>(() => model.call(batch.Categorical, badTitles));
        Assert.Contains("TitleTokens", badTitle.Message);

        // A part used on its own trusts its input; its explicit check says what is wrong.
        using var good = model.call(batch.Categorical, batch.TitleTokens);
        var viaFieldEmbeddings = Assert.Throws<ArgumentOutOfRangeException>(() => model.FieldEmbeddings!.CheckIndices(badCategorical));
        Assert.Contains("user_gender", viaFieldEmbeddings.Message);
        var viaFirstOrder = Assert.Throws<ArgumentOutOfRangeException>(() => model.FirstOrderWeights!.CheckIndices(badCategorical));
        Assert.Contains("user_gender", viaFirstOrder.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TitleEmbedding!.CheckTokens(badTitles));
        model.FieldEmbeddings!.CheckIndices(batch.Categorical);
    }

    [Fact]
    public void EmbeddingDimensionAndHiddenUnitsAreHonoured()
    {
        var options = DeepFmOptions.DeepFm with { EmbeddingDimension = 8, HiddenUnits = [16] };
        using var model = new DeepFmModel(Schema, options, seed: 13);
        // 8 · 2651 + 10000 · 8 + 2652 + (48 · 16 + 16) + (16 + 1)
        Assert.Equal(8 * 2651 + 10_000 * 8 + 2652 + 48 * 16 + 16 + 16 + 1, model.ParameterCount);
    }
}
