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
/// <remarks>
/// Field positions have names here, so no code counts columns: <c>categorical[row, schema.MovieIdField]</c> is the
/// movie of a row, <see cref="UserFields"/> the columns that describe the user, and <see cref="DenseFieldNames"/>
/// the rows of the model's dense input [B, F, D] (the categorical fields, then the title, then — in the extended
/// schema of notebook 06 — the movie's genres, <see cref="MovieGenres"/>).
/// </remarks>
public sealed record FeatureSchema(IReadOnlyList<CategoricalField> CategoricalFields, int TitleVocabularySize, int TitleLength)
{
    /// <summary>The name of the title among the dense fields (it is not a categorical column).</summary>
    public const string TitleFieldName = MovieLensColumns.MovieTitle;

    /// <summary>The categorical fields that describe the user (the rest describe the movie).</summary>
    public static IReadOnlyList<string> UserFieldNames { get; } =
        [MovieLensColumns.UserId, MovieLensColumns.UserGender, MovieLensColumns.BucketizedUserAge, MovieLensColumns.UserOccupationLabel,
         MovieLensColumns.UserZipPrefix];

    /// <summary>
    /// The movies' genre bags when the schema has the genre field (<see cref="ExtraFields.Genres"/>), else null (the
    /// original's schema). The genres are a dense field after the title; they have no categorical column, the
    /// model looks them up by the <c>movie_id</c> column.
    /// </summary>
    public MovieGenreBags? MovieGenres { get; init; }

    /// <summary>Number of categorical fields (five for MovieLens-100k).</summary>
    public int CategoricalFieldCount => CategoricalFields.Count;

    /// <summary>Column of <c>user_id</c> in <see cref="FeatureBatch.Categorical"/>.</summary>
    public int UserIdField => FieldIndex(MovieLensColumns.UserId);

    /// <summary>Column of <c>movie_id</c> in <see cref="FeatureBatch.Categorical"/>.</summary>
    public int MovieIdField => FieldIndex(MovieLensColumns.MovieId);

    /// <summary>Columns of the fields in <see cref="UserFieldNames"/> that this schema has, in column order.</summary>
    public IReadOnlyList<int> UserFields =>
        Enumerable.Range(0, CategoricalFieldCount).Where(column => UserFieldNames.Contains(CategoricalFields[column].Name)).ToArray();

    /// <summary>
    /// Names of the dense fields, the rows of the model's [B, F, D] input to the FM and the DNN: every categorical
    /// field in column order, then <see cref="TitleFieldName"/>, then <see cref="GenreFieldName"/> if the schema has genres.
    /// </summary>
    public IReadOnlyList<string> DenseFieldNames => MovieGenres is null
        ? [.. CategoricalFields.Select(categorical => categorical.Name), TitleFieldName]
        : [.. CategoricalFields.Select(categorical => categorical.Name), TitleFieldName, GenreFieldName];

    /// <summary>The name of the genre bag among the dense fields.</summary>
    public const string GenreFieldName = MovieLensColumns.MovieGenres;

    /// <summary>Number of dense fields F: the categorical fields plus the title (six for MovieLens-100k), plus the genres if present.</summary>
    public int DenseFieldCount => CategoricalFieldCount + 1 + (MovieGenres is null ? 0 : 1);

    /// <summary>Row of the title among the dense fields: after every categorical field.</summary>
    public int TitleDenseField => CategoricalFieldCount;

    /// <summary>Row of the genre bag among the dense fields, after the title; throws when the schema has no genres.</summary>
    public int GenreDenseField => MovieGenres is not null ? CategoricalFieldCount + 1
        : throw new InvalidOperationException("The schema has no genre field: build the features with ExtraFields.Genres.");

    /// <summary>
    /// Where each field's block starts when all fields share one table (the one-hot layout of the original's linear
    /// term and d2l's single embedding table): offset_f = Σ_{g&lt;f} cardinality_g.
    /// </summary>
    public IReadOnlyList<long> FieldOffsets => OffsetsOf(CategoricalFields);

    /// <summary>Rows of that shared table, Σ cardinalities (2,651 for MovieLens-100k: 943 + 2 + 7 + 17 + 1,682).</summary>
    public long OneHotWidth => CategoricalFields.Sum(categorical => (long)categorical.Cardinality);

    /// <summary>The column of the field called <paramref name="fieldName"/>; throws naming the fields there are.</summary>
    public int FieldIndex(string fieldName)
    {
        for (var field = 0; field < CategoricalFieldCount; field++)
            if (CategoricalFields[field].Name == fieldName) return field;
        throw new ArgumentException(
            $"The schema has no categorical field '{fieldName}'; its fields are {string.Join(", ", CategoricalFields.Select(f => f.Name))}.",
            nameof(fieldName));
    }

    /// <summary>offset_f = Σ_{g&lt;f} cardinality_g for <paramref name="fields"/> in order.</summary>
    public static long[] OffsetsOf(IReadOnlyList<CategoricalField> fields)
    {
        var offsets = new long[fields.Count];
        for (var field = 1; field < offsets.Length; field++)
            offsets[field] = offsets[field - 1] + fields[field - 1].Cardinality;
        return offsets;
    }
}
