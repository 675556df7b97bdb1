namespace DeepFm.Notebook.Data;

/// <summary>
/// Collects the categorical fields of <see cref="MovieLensFeatures"/> one column at a time: each field's vocabulary
/// and every rating's index in it; <see cref="RowMajor"/> then interleaves them into the [N, F] layout of
/// <see cref="FeatureBatch.Categorical"/>, fields in the order they were added.
/// </summary>
internal sealed class CategoricalColumns(int count)
{
    private readonly List<IFeatureVocabulary> vocabularies = [];
    private readonly List<int[]> indices = [];

    /// <summary>The vocabularies, in column order.</summary>
    public IReadOnlyList<IFeatureVocabulary> Vocabularies => vocabularies;

    /// <summary>The fields as the schema lists them, in column order.</summary>
    public IReadOnlyList<CategoricalField> Fields => vocabularies.Select(vocabulary => vocabulary.Field).ToArray();

    /// <summary>Adds a field whose vocabulary is the sorted distinct values of <paramref name="values"/> (np.unique).</summary>
    public FeatureVocabulary<T> AddObserved<T>(string name, T[] values) where T : notnull =>
        Add(FeatureVocabulary<T>.Build(name, values), values);

    /// <summary>Adds a field with a fixed list of values; a value outside it is a programming error and throws.</summary>
    public FeatureVocabulary<T> AddFixed<T>(string name, IEnumerable<T> vocabularyValues, T[] values) where T : notnull =>
        Add(FeatureVocabulary<T>.Fixed(name, vocabularyValues), values);

    /// <summary>The index column of the field called <paramref name="name"/>.</summary>
    public int[] IndicesOf(string name) => indices[vocabularies.FindIndex(vocabulary => vocabulary.Name == name)];

    /// <summary>All indices as a row-major [count, fields] matrix.</summary>
    public long[] RowMajor()
    {
        int fields = indices.Count;
        var categorical = new long[count * fields];
        for (int field = 0; field < fields; field++)
        {
            int[] column = indices[field];
            for (int row = 0; row < count; row++)
                categorical[row * fields + field] = column[row];
        }
        return categorical;
    }

    private FeatureVocabulary<T> Add<T>(FeatureVocabulary<T> vocabulary, T[] values) where T : notnull
    {
        if (values.Length != count)
            throw new ArgumentException($"Field {vocabulary.Name} has {values.Length} values for {count} ratings.", nameof(values));
        var column = new int[count];
        for (int row = 0; row < count; row++)
            column[row] = vocabulary.IndexOf(values[row]);
        vocabularies.Add(vocabulary);
        indices.Add(column);
        return vocabulary;
    }
}
