using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// A synthetic, learnable click-through world shaped like MovieLens: every categorical value and title token has a
/// hidden weight, and a label is 1 with probability σ(sum of the weights of the row's values and tokens). A linear
/// model over the same features can therefore learn it, and a test split drawn from the same world measures that.
/// </summary>
internal sealed class SyntheticRatings
{
    private readonly double[][] fieldValueWeights;
    private readonly double[] tokenWeights;

    public SyntheticRatings(FeatureSchema schema, int worldSeed)
    {
        Schema = schema;
        var random = new Random(worldSeed);
        fieldValueWeights = schema.CategoricalFields
            .Select(field => Enumerable.Range(0, field.Cardinality).Select(_ => Gaussian(random)).ToArray()).ToArray();
        tokenWeights = Enumerable.Range(0, schema.TitleVocabularySize).Select(_ => 0.5 * Gaussian(random)).ToArray();
        tokenWeights[0] = 0; // padding carries no signal
    }

    public FeatureSchema Schema { get; }

    /// <summary>A small schema: five fields, titles of up to 6 tokens over a vocabulary of 60.</summary>
    public static FeatureSchema SmallSchema { get; } = new(
        [new("user_id", 40), new("user_gender", 2), new("bucketized_user_age", 7), new("user_occupation_label", 21),
         new("movie_id", 60)], TitleVocabularySize: 60, TitleLength: 6);

    /// <summary>Draws <paramref name="rowCount"/> rows; <paramref name="invertLabels"/> flips every label (a split the model gets worse on as it learns).</summary>
    public InMemoryBatchSource Sample(int rowCount, int sampleSeed, bool invertLabels = false)
    {
        var random = new Random(sampleSeed);
        int fieldCount = Schema.CategoricalFieldCount, titleLength = Schema.TitleLength;
        var categorical = new long[rowCount * fieldCount];
        var titles = new long[rowCount * titleLength];
        var labels = new float[rowCount];
        for (int row = 0; row < rowCount; row++)
        {
            double logit = 0;
            for (int field = 0; field < fieldCount; field++)
            {
                int value = random.Next(Schema.CategoricalFields[field].Cardinality);
                categorical[row * fieldCount + field] = value;
                logit += fieldValueWeights[field][value];
            }
            int tokenCount = random.Next(1, titleLength + 1);
            for (int position = 0; position < tokenCount; position++)
            {
                int token = random.Next(2, Schema.TitleVocabularySize);
                titles[row * titleLength + position] = token;
                logit += tokenWeights[token];
            }
            bool positive = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            labels[row] = positive ^ invertLabels ? 1f : 0f;
        }
        return new InMemoryBatchSource(Schema, categorical, titles, labels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
