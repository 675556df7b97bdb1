using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class FirstOrderWeightsTests
{
    [Fact]
    public void LookupEqualsOneHotTimesKernelPlusBias()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(11);
        using var firstOrder = new FirstOrderWeights(schema.CategoricalFields, generator);
        using (torch.no_grad())
            firstOrder.Bias.fill_(0.25f);   // a non-zero bias, so the test sees it added once
        using var batch = ModelTestData.RandomBatch(schema, batchSize: 32, seed: 12);

        var lookedUp = firstOrder.call(batch.Categorical);

        // The original: concatenated one-hot indicators [B, 2651] @ kernel [2651, 1] + bias.
        var indices = batch.Categorical.data<long>().ToArray();
        var fieldCount = schema.CategoricalFieldCount;
        var oneHot = new float[32 * firstOrder.OneHotWidth];
        for (var row = 0; row < 32; row++)
        {
            var fieldStart = 0L;
            for (var field = 0; field < fieldCount; field++)
            {
                oneHot[row * firstOrder.OneHotWidth + fieldStart + indices[row * fieldCount + field]] = 1f;
                fieldStart += schema.CategoricalFields[field].Cardinality;
            }
        }
        var expected = torch.tensor(oneHot, 32, firstOrder.OneHotWidth).matmul(firstOrder.Weights) + firstOrder.Bias;

        Assert.Equal(new long[] { 32, 1 }, lookedUp.shape);
        Assert.True(lookedUp.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void OffsetsAndWidthFollowTheSchema()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(13);
        using var firstOrder = new FirstOrderWeights(schema.CategoricalFields, generator);
        // 943 + 2 + 7 + 17 + 1682 = 2651 one-hot columns; each field starts after the previous ones.
        Assert.Equal(2651, firstOrder.OneHotWidth);
        Assert.Equal(new long[] { 0, 943, 945, 952, 969 }, firstOrder.FieldOffsets.data<long>().ToArray());
        Assert.Equal(new long[] { 2651, 1 }, firstOrder.Weights.shape);
        Assert.Equal(2652, ModelSummary.CountParameters(firstOrder));
        // Offsets are layout, not learned state.
        Assert.DoesNotContain(firstOrder.state_dict().Keys, key => key.Contains("fieldOffsets"));
    }

    [Fact]
    public void InitialisedLikeKerasDense()
    {
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(14);
        using var firstOrder = new FirstOrderWeights(schema.CategoricalFields, generator);
        // Glorot-uniform limit √(6 / (fan_in + fan_out)) = √(6 / 2652) ≈ 0.0476; bias zero.
        var limit = (float)Math.Sqrt(6.0 / 2652);
        Assert.True(firstOrder.Weights.abs().max().item<float>() <= limit);
        Assert.True(firstOrder.Weights.abs().max().item<float>() > 0.9f * limit);
        Assert.Equal(0f, firstOrder.Bias.item<float>());
    }

    [Fact]
    public void RejectsIndexBeyondAFieldsCardinalityNamingTheField()
    {
        using var scope = torch.NewDisposeScope();
        var schema = ModelTestData.MovieLens100kSchema();
        using var generator = new Generator(15);
        using var firstOrder = new FirstOrderWeights(schema.CategoricalFields, generator);
        // gender index 2 would silently read the first age weight through the offsets: the check catches it
        // (DeepFmModel runs it on every batch; a module used alone runs it when asked).
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => firstOrder.CheckIndices(torch.tensor(new long[] { 0, 2, 0, 0, 0 }, 1, 5)));
        Assert.Contains("user_gender", error.Message);
    }
}
