using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Tables a reader looks at to see what <see cref="MovieLensFeatures"/> encoded: every field with its size and
/// first values, and one rating field by field (value and index). Built from the vocabularies; the model never
/// reads them.
/// </summary>
public static class FeatureTables
{
    /// <summary>One row per field: name, kind, number of values and the first <paramref name="shown"/> values.</summary>
    public static DataFrame Fields(MovieLensFeatures features, int shown = 8)
    {
        var rows = features.CategoricalVocabularies
            .Select(vocabulary => (Name: vocabulary.Name, Kind: "categorical", Count: vocabulary.Count,
                Values: Enumerable.Range(0, Math.Min(shown, vocabulary.Count)).Select(vocabulary.LabelOf)))
            .Append((Name: FeatureSchema.TitleFieldName, Kind: "bag of title tokens", Count: features.Titles.Vocabulary.Count,
                Values: features.Titles.Vocabulary.Skip(2).Take(shown)))
            .ToList();
        if (features.GenreBags is not null)
            rows.Add((Name: FeatureSchema.GenreFieldName, Kind: "bag of genres", Count: MovieLensGenres.Count, Values: MovieLensGenres.Names.Take(shown)));
        return new DataFrame(
            new StringDataFrameColumn("field", rows.Select(row => row.Name)),
            new StringDataFrameColumn("kind", rows.Select(row => row.Kind)),
            new PrimitiveDataFrameColumn<int>("values", rows.Select(row => row.Count)),
            new StringDataFrameColumn("first values", rows.Select(row => string.Join(", ", row.Values) + (row.Count > shown ? ", …" : ""))));
    }

    /// <summary>Rating <paramref name="row"/> of <see cref="MovieLensFeatures.Ratings"/>, field by field: the value and its index.</summary>
    public static DataFrame Rating(MovieLensFeatures features, int row)
    {
        ReadOnlySpan<long> indices = features.Ratings.CategoricalRow(row);
        var names = new List<string>();
        var values = new List<string>();
        var encoded = new List<string>();
        for (int field = 0; field < indices.Length; field++)
        {
            IFeatureVocabulary vocabulary = features.CategoricalVocabularies[field];
            names.Add(vocabulary.Name);
            values.Add(vocabulary.LabelOf((int)indices[field]));
            encoded.Add(indices[field].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        long[] tokens = features.Ratings.TitleTokensOf(row).ToArray();
        names.Add(FeatureSchema.TitleFieldName);
        values.Add(string.Join(" ", tokens.Where(id => id != TitleVectorizer.PaddingId).Select(id => features.Titles.Vocabulary[(int)id])));
        encoded.Add(string.Join(", ", tokens));
        if (features.GenreBags is { } bags)
        {
            long[] bag = bags.BagOf((int)indices[features.Schema.MovieIdField]).ToArray();
            names.Add(FeatureSchema.GenreFieldName);
            values.Add(string.Join(", ", bag.Where(id => id != MovieGenreBags.PaddingId).Select(id => MovieLensGenres.Names[MovieGenreBags.GenreOf(id)])));
            encoded.Add(string.Join(", ", bag));
        }
        return new DataFrame(
            new StringDataFrameColumn("field", names),
            new StringDataFrameColumn("value", values),
            new StringDataFrameColumn("encoded as", encoded));
    }
}
