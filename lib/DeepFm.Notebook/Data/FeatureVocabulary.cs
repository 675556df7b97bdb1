namespace DeepFm.Notebook.Data;

/// <summary>
/// The vocabulary of one categorical field: its distinct values in sorted order, the value's position being its
/// index. This is what the original notebook builds with <c>np.unique(column)</c>; strings sort by ordinal (byte)
/// order as NumPy sorts byte strings, so user id "10" comes before "2". Feeding the index to an embedding table of
/// <see cref="Count"/> rows gives each value its own vector.
/// </summary>
public sealed class FeatureVocabulary<T> : IFeatureVocabulary where T : notnull
{
    private readonly T[] values;
    private readonly Dictionary<T, int> indexOfValue;

    private FeatureVocabulary(string name, T[] sortedDistinctValues)
    {
        Name = name;
        values = sortedDistinctValues;
        indexOfValue = new Dictionary<T, int>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            indexOfValue[values[i]] = i;
        }
    }

    /// <summary>The field name, e.g. <c>user_id</c>.</summary>
    public string Name { get; }

    /// <summary>The distinct values in sorted order; index i holds the value encoded as i.</summary>
    public IReadOnlyList<T> Values => values;

    /// <summary>Number of distinct values: the field's cardinality and its embedding table's row count.</summary>
    public int Count => values.Length;

    /// <summary>The field as the model's schema sees it.</summary>
    public CategoricalField Field => new(Name, Count);

    /// <summary>Sorted distinct <paramref name="observed"/> values (like <c>np.unique</c>).</summary>
    public static FeatureVocabulary<T> Build(string name, IEnumerable<T> observed)
    {
        IComparer<T> order = typeof(T) == typeof(string) ? (IComparer<T>)StringComparer.Ordinal : Comparer<T>.Default;
        T[] distinct = observed.Distinct().ToArray();
        Array.Sort(distinct, order);
        return new FeatureVocabulary<T>(name, distinct);
    }

    /// <summary>
    /// A vocabulary of the given values in the given order, whether or not the data holds them all: for fields with
    /// a known set of values (weekdays, year buckets with their "unknown"), so every value has its index and its
    /// embedding row even if no rating uses it.
    /// </summary>
    public static FeatureVocabulary<T> Fixed(string name, IEnumerable<T> orderedValues)
    {
        T[] values = orderedValues.ToArray();
        if (values.Distinct().Count() != values.Length)
            throw new ArgumentException($"The {name} vocabulary lists a value twice.", nameof(orderedValues));
        return new FeatureVocabulary<T>(name, values);
    }

    /// <inheritdoc />
    public string LabelOf(int index) => Convert.ToString(values[index], System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The index of <paramref name="value"/>; throws if the vocabulary never saw it.</summary>
    public int IndexOf(T value) => indexOfValue.TryGetValue(value, out int index)
        ? index
        : throw new KeyNotFoundException($"'{value}' is not in the {Name} vocabulary of {Count} values.");

    /// <summary>Whether the vocabulary holds <paramref name="value"/>, and its index.</summary>
    public bool TryGetIndex(T value, out int index) => indexOfValue.TryGetValue(value, out index);
}

/// <summary>
/// What every categorical field's vocabulary can tell, whatever its value type: its name, its size and the value
/// an index stands for (to show a reader which "user_gender" index 1 is, or which bucket a year fell in).
/// </summary>
public interface IFeatureVocabulary
{
    /// <summary>The field name, e.g. <c>user_id</c>.</summary>
    string Name { get; }

    /// <summary>Number of distinct values: the field's cardinality.</summary>
    int Count { get; }

    /// <summary>The field as the model's schema sees it.</summary>
    CategoricalField Field { get; }

    /// <summary>The value encoded as <paramref name="index"/>, as text ("True", "25", "1997-11").</summary>
    string LabelOf(int index);
}

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
