using DeepFm.Notebook.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

/// <summary>The MovieLens-100k schema of the original and random batches encoded with it.</summary>
internal static class ModelTestData
{
    public const int TitleLength = 8;

    /// <summary>Cardinalities of the ML-100k vocabularies: 943 users, 2 genders, 7 age buckets, 17 occupation labels (TFDS maps the 21 raw occupations to 17 of its 22 labels), 1,682 movies.</summary>
    public static FeatureSchema MovieLens100kSchema() => new(
        [
            new CategoricalField("user_id", 943),
            new CategoricalField("user_gender", 2),
            new CategoricalField("bucketized_user_age", 7),
            new CategoricalField("user_occupation_label", 17),
            new CategoricalField("movie_id", 1682),
        ],
        TitleVocabularySize: 10_000,
        TitleLength: TitleLength);

    /// <summary>
    /// A batch with uniformly random indices per field, titles of 1..L real tokens (ids 1..vocab-1, so OOV occurs)
    /// followed by padding, and random 0/1 labels.
    /// </summary>
    public static FeatureBatch RandomBatch(FeatureSchema schema, int batchSize, int seed)
    {
        var random = new Random(seed);
        var categorical = new long[batchSize * schema.CategoricalFieldCount];
        var titleTokens = new long[batchSize * schema.TitleLength];
        var labels = new float[batchSize];
        for (var row = 0; row < batchSize; row++)
        {
            for (var field = 0; field < schema.CategoricalFieldCount; field++)
                categorical[row * schema.CategoricalFieldCount + field] = random.Next(schema.CategoricalFields[field].Cardinality);
            var realTokens = 1 + random.Next(schema.TitleLength);
            for (var position = 0; position < realTokens; position++)
                titleTokens[row * schema.TitleLength + position] = 1 + random.Next(schema.TitleVocabularySize - 1);
            labels[row] = random.Next(2);
        }
        return new FeatureBatch(
            torch.tensor(categorical, batchSize, schema.CategoricalFieldCount),
            torch.tensor(titleTokens, batchSize, schema.TitleLength),
            torch.tensor(labels));
    }

    /// <summary>Same shape and exactly the same values.</summary>
    public static bool SameValues(Tensor left, Tensor right) =>
        left.shape.SequenceEqual(right.shape) && left.eq(right).all().item<bool>();

    public static float[] Values(Tensor tensor) => tensor.detach().cpu().to(ScalarType.Float32).data<float>().ToArray();
}
