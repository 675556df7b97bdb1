namespace DeepFm.Notebook.Data;

/// <summary>
/// TFDS' <c>user_occupation_label</c>: a class label shared by MovieLens-100k and -1M. Its 22 names (in label-index
/// order, which is alphabetical) come from the -1M occupations with both student kinds merged into "student", plus
/// "entertainment" and "librarian" from -100k. The 21 raw -100k occupations map onto 17 of them: "healthcare" joins
/// "doctor", "marketing" joins "salesman", "technician" joins "engineer", "none" joins "other".
/// The raw text stays available as <c>user_occupation_text</c>.
/// Source: tensorflow/datasets, <c>tensorflow_datasets/structured/movielens.py</c> (the <c>ClassLabel</c> names of
/// <c>user_occupation_label</c>) and <c>movielens_parsing.py</c> (<c>occupation_label_conversion_map</c>).
/// </summary>
public static class OccupationLabels
{
    /// <summary>The 22 TFDS label names; a label is an index into this list.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "academic/educator", "artist", "clerical/admin", "customer service", "doctor/health care", "entertainment",
        "executive/managerial", "farmer", "homemaker", "lawyer", "librarian", "other/not specified", "programmer",
        "retired", "sales/marketing", "scientist", "self-employed", "student", "technician/engineer",
        "tradesman/craftsman", "unemployed", "writer",
    ];

    /// <summary>The 21 occupations of MovieLens-100k's <c>u.occupation</c> and the TFDS label name each becomes.</summary>
    public static IReadOnlyDictionary<string, string> LabelNameOfOccupation { get; } = new Dictionary<string, string>
    {
        ["administrator"] = "clerical/admin",
        ["artist"] = "artist",
        ["doctor"] = "doctor/health care",
        ["educator"] = "academic/educator",
        ["engineer"] = "technician/engineer",
        ["entertainment"] = "entertainment",
        ["executive"] = "executive/managerial",
        ["healthcare"] = "doctor/health care",
        ["homemaker"] = "homemaker",
        ["lawyer"] = "lawyer",
        ["librarian"] = "librarian",
        ["marketing"] = "sales/marketing",
        ["none"] = "other/not specified",
        ["other"] = "other/not specified",
        ["programmer"] = "programmer",
        ["retired"] = "retired",
        ["salesman"] = "sales/marketing",
        ["scientist"] = "scientist",
        ["student"] = "student",
        ["technician"] = "technician/engineer",
        ["writer"] = "writer",
    };

    /// <summary>The TFDS label index of a raw MovieLens-100k occupation, or null when it is not one of the 21.</summary>
    public static int? LabelOf(string occupation) =>
        LabelNameOfOccupation.TryGetValue(occupation, out string? name) ? IndexOfName(name) : null;

    /// <summary>The label index of a TFDS label name.</summary>
    public static int IndexOfName(string labelName)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == labelName)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{labelName}' is not a TFDS occupation label.", nameof(labelName));
    }
}
