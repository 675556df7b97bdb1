using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// A logistic model for tests, with the DeepFM contract: (categorical int64 [B, F], title tokens int64 [B, L]) →
/// logits float32 [B]. The logit is a bias plus one learned weight per categorical value (one shared table, fields
/// shifted by offsets) plus one learned weight per title token (token 0 is padding and stays 0). Initial weights come
/// from <c>System.Random(seed)</c>, so building it does not depend on TorchSharp's global generator.
/// </summary>
internal sealed class EmbeddingSumLogisticModel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Tensor fieldOffsets;
    private readonly Embedding categoricalWeights;
    private readonly Embedding titleTokenWeights;
    private readonly Parameter bias;

    public EmbeddingSumLogisticModel(FeatureSchema schema, int seed) : base(nameof(EmbeddingSumLogisticModel))
    {
        var offsets = new long[schema.CategoricalFieldCount];
        for (int field = 1; field < offsets.Length; field++)
            offsets[field] = offsets[field - 1] + schema.CategoricalFields[field - 1].Cardinality;
        long totalValues = offsets[^1] + schema.CategoricalFields[^1].Cardinality;

        fieldOffsets = tensor(offsets);
        categoricalWeights = nn.Embedding(totalValues, 1);
        titleTokenWeights = nn.Embedding(schema.TitleVocabularySize, 1, padding_idx: 0);
        bias = nn.Parameter(zeros(1));
        RegisterComponents();

        var random = new Random(seed);
        using var noGradients = no_grad();
        using var categoricalInitial = SmallRandom(random, totalValues);
        categoricalWeights.weight!.copy_(categoricalInitial);
        using var tokenInitial = SmallRandom(random, schema.TitleVocabularySize);
        tokenInitial[0].zero_();
        titleTokenWeights.weight!.copy_(tokenInitial);
    }

    public override Tensor forward(Tensor categorical, Tensor titleTokens)
    {
        Tensor categoricalLogit = categoricalWeights.call(categorical + fieldOffsets).sum([1, 2]); // [B, F, 1] → [B]
        Tensor titleLogit = titleTokenWeights.call(titleTokens).sum([1, 2]); // [B, L, 1] → [B]
        return categoricalLogit + titleLogit + bias;
    }

    private static Tensor SmallRandom(Random random, long rows) =>
        tensor(Enumerable.Range(0, (int)rows).Select(_ => (float)(0.01 * (random.NextDouble() - 0.5))).ToArray(), rows, 1);
}
