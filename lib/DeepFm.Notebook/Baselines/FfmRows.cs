using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DeepFm.Notebook.Baselines;

/// <summary>
/// Our encoded ratings as ML.NET rows for its field-aware factorization machine: one feature column per field, as
/// the trainer wants (a column is a field). Each categorical field is a one-hot vector of its vocabulary's size,
/// the title a bag of its word ids (counts over the 10,000-token vocabulary, padding left out), and — in notebook
/// 06's extended schema — the genres a bag over the 19 genres. The indices are exactly DeepFM's, so both models
/// read the same ratings the same way; only the representation differs (sparse vectors instead of lookups).
/// </summary>
internal static class FfmRows
{
    /// <summary>The most fields a schema has (ten categorical + title + genres); <see cref="FfmRow"/> has a column each.</summary>
    public const int MaxFields = 12;

    /// <summary>The names of the feature columns of <paramref name="schema"/>, in DeepFM's dense-field order.</summary>
    public static string[] FeatureColumns(FeatureSchema schema) =>
        Enumerable.Range(0, FieldCount(schema)).Select(ColumnName).ToArray();

    /// <summary>The fields of <paramref name="schema"/>: its categorical fields, the title, the genres if present.</summary>
    public static int FieldCount(FeatureSchema schema)
    {
        int fields = schema.DenseFieldCount;
        if (fields > MaxFields)
            throw new ArgumentException($"The FFM baseline handles at most {MaxFields} fields; the schema has {fields}.", nameof(schema));
        return fields;
    }

    /// <summary>Width of each field's vector: the vocabulary sizes, then the title's and the genres' id spaces.</summary>
    public static int[] FieldWidths(FeatureSchema schema)
    {
        var widths = schema.CategoricalFields.Select(field => field.Cardinality).ToList();
        widths.Add(schema.TitleVocabularySize);
        if (schema.MovieGenres is { } genres) widths.Add(genres.VocabularySize);
        return [.. widths];
    }

    /// <summary>The ratings of <paramref name="ratings"/>, in stored order, as an ML.NET data view (kept in memory).</summary>
    public static IDataView Ratings(MLContext context, EncodedRatings ratings)
    {
        var bags = new MovieBags(ratings.Schema);
        var rows = new List<FfmRow>(ratings.Count);
        for (int row = 0; row < ratings.Count; row++)
            rows.Add(Row(ratings.Schema, bags, ratings.CategoricalRow(row), ratings.TitleTokensOf(row), ratings.Labels[row] > 0.5f));
        return context.Data.LoadFromEnumerable(rows, Definition(ratings.Schema));
    }

    /// <summary>
    /// Every (user, candidate) pair of <paramref name="task"/>, user by user in candidate order, streamed (about 1.5
    /// million rows for MovieLens-100k are built as the scorer reads them, never held at once). Labels are unused.
    /// </summary>
    public static IDataView Candidates(MLContext context, RankingTask task)
    {
        var bags = new MovieBags(task.Schema);
        IEnumerable<FfmRow> Stream()
        {
            var categorical = new long[task.Schema.CategoricalFieldCount];
            foreach (RankingUser user in task.Users)
            {
                task.CategoricalRowOf(user.User).CopyTo(categorical);
                foreach (int movie in user.Candidates)
                {
                    categorical[task.MovieField] = movie;
                    yield return Row(task.Schema, bags, categorical, task.TitleTokensOf(movie), label: false);
                }
            }
        }
        return context.Data.LoadFromEnumerable(Stream(), Definition(task.Schema));
    }

    private static string ColumnName(int field) => $"Field{field:D2}";

    // The row type has MaxFields vector columns; the definition gives the schema's fields their sizes and drops the rest.
    private static SchemaDefinition Definition(FeatureSchema schema)
    {
        var definition = SchemaDefinition.Create(typeof(FfmRow));
        int[] widths = FieldWidths(schema);
        for (int field = 0; field < MaxFields; field++)
        {
            SchemaDefinition.Column column = definition[ColumnName(field)];
            if (field < widths.Length) column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, widths[field]);
            else definition.Remove(column);
        }
        return definition;
    }

    private static FfmRow Row(FeatureSchema schema, MovieBags bags, ReadOnlySpan<long> categorical, ReadOnlySpan<long> titleTokens, bool label)
    {
        var fields = new VBuffer<float>[FieldCount(schema)];
        for (int field = 0; field < categorical.Length; field++)
            fields[field] = new VBuffer<float>(schema.CategoricalFields[field].Cardinality, 1, [1f], [(int)categorical[field]]);
        int movie = (int)categorical[schema.MovieIdField];
        fields[schema.TitleDenseField] = bags.Title(movie, titleTokens);
        if (schema.MovieGenres is not null) fields[schema.GenreDenseField] = bags.Genres(movie);
        return FfmRow.From(fields, label);
    }

    // A movie's title and genre bags are the same in every rating of it: built once per movie.
    private sealed class MovieBags(FeatureSchema schema)
    {
        private readonly Dictionary<int, VBuffer<float>> titles = [];
        private readonly Dictionary<int, VBuffer<float>> genres = [];

        public VBuffer<float> Title(int movie, ReadOnlySpan<long> tokens)
        {
            if (!titles.TryGetValue(movie, out VBuffer<float> bag))
                titles[movie] = bag = Bag(tokens, schema.TitleVocabularySize);
            return bag;
        }

        public VBuffer<float> Genres(int movie)
        {
            if (!genres.TryGetValue(movie, out VBuffer<float> bag))
                genres[movie] = bag = Bag(schema.MovieGenres!.BagOf(movie), schema.MovieGenres.VocabularySize);
            return bag;
        }

        // Counts of each id, padding (0) left out; sorted indices, as a sparse VBuffer requires.
        private static VBuffer<float> Bag(ReadOnlySpan<long> ids, int width)
        {
            var counts = new SortedDictionary<int, float>();
            foreach (long id in ids)
                if (id != 0) counts[(int)id] = counts.GetValueOrDefault((int)id) + 1;
            return new VBuffer<float>(width, counts.Count, [.. counts.Values], [.. counts.Keys]);
        }
    }
}
