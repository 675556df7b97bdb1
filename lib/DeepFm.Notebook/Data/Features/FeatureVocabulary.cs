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
