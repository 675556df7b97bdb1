namespace DeepFm.Notebook.Data;

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
