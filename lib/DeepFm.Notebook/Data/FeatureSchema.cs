namespace DeepFm.Notebook.Data;

/// <summary>
/// One categorical input field of DeepFM (for example <c>user_id</c>): its TFDS feature name and how many distinct
/// values its vocabulary holds. Index <c>i</c> of a field is the position of the value in that vocabulary.
/// </summary>
public sealed record CategoricalField(string Name, int Cardinality);

/// <summary>
/// What the model needs to know about the encoded data: the categorical fields in the order they appear in
/// <see cref="FeatureBatch.Categorical"/> and the size of the title token vocabulary (the Keras <c>max_tokens</c>,
/// 10,000 in the original, so that the title embedding has the original's shape).
/// </summary>
public sealed record FeatureSchema(IReadOnlyList<CategoricalField> CategoricalFields, int TitleVocabularySize, int TitleLength)
{
    /// <summary>Number of categorical fields (five for MovieLens-100k).</summary>
    public int CategoricalFieldCount => CategoricalFields.Count;
}
