using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Everything the model needs from MovieLens-100k, built as in the original notebook: one sorted vocabulary per
/// categorical field (user_id, user_gender, bucketized_user_age, user_occupation_label, movie_id, in that order), a
/// title vectorizer adapted on the 1,682 titles of <c>u.item</c>, the <see cref="FeatureSchema"/> they imply and
/// all ratings encoded (<see cref="Ratings"/>, in <c>u.data</c> order). <see cref="Split"/> then makes the
/// 80,000 / 20,000 train/test parts.
/// </summary>
public sealed class MovieLensFeatures
{
    private MovieLensFeatures(FeatureVocabulary<string> userIds, FeatureVocabulary<bool> genders,
        FeatureVocabulary<float> ageBuckets, FeatureVocabulary<long> occupations, FeatureVocabulary<string> movieIds,
        TitleVectorizer titles, FeatureSchema schema, EncodedRatings ratings)
    {
        UserIds = userIds;
        Genders = genders;
        AgeBuckets = ageBuckets;
        Occupations = occupations;
        MovieIds = movieIds;
        Titles = titles;
        Schema = schema;
        Ratings = ratings;
    }

    /// <summary>user_id vocabulary (943 ids, ordinal string order).</summary>
    public FeatureVocabulary<string> UserIds { get; }

    /// <summary>user_gender vocabulary: [false, true] — index 1 is male.</summary>
    public FeatureVocabulary<bool> Genders { get; }

    /// <summary>bucketized_user_age vocabulary: [1, 18, 25, 35, 45, 50, 56].</summary>
    public FeatureVocabulary<float> AgeBuckets { get; }

    /// <summary>user_occupation_label vocabulary: the 17 TFDS labels MovieLens-100k uses, by label index.</summary>
    public FeatureVocabulary<long> Occupations { get; }

    /// <summary>movie_id vocabulary (1,682 ids, ordinal string order); also the row order of the title matrix.</summary>
    public FeatureVocabulary<string> MovieIds { get; }

    /// <summary>The title vectorizer (max_tokens 10,000).</summary>
    public TitleVectorizer Titles { get; }

    /// <summary>Field cardinalities, title vocabulary size 10,000 and the padded title length.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>All ratings encoded, in <c>u.data</c> order.</summary>
    public EncodedRatings Ratings { get; }

    /// <summary>Builds vocabularies, the title vectorizer and the encoded ratings from the DataFrames.</summary>
    public static MovieLensFeatures Build(MovieLens100k data, int titleVocabularySize = TitleVectorizer.DefaultMaxTokens)
    {
        DataFrame ratings = data.Ratings;
        StringDataFrameColumn userIdColumn = ratings.Columns.GetStringColumn(MovieLensColumns.UserId);
        BooleanDataFrameColumn genderColumn = ratings.Columns.GetBooleanColumn(MovieLensColumns.UserGender);
        SingleDataFrameColumn ageColumn = ratings.Columns.GetSingleColumn(MovieLensColumns.BucketizedUserAge);
        Int64DataFrameColumn occupationColumn = ratings.Columns.GetInt64Column(MovieLensColumns.UserOccupationLabel);
        StringDataFrameColumn movieIdColumn = ratings.Columns.GetStringColumn(MovieLensColumns.MovieId);

        string[] userIds = userIdColumn.ToArray(), movieIds = movieIdColumn.ToArray();
        bool[] genders = DataFrameArrays.ToArray(genderColumn);
        float[] ages = DataFrameArrays.ToArray(ageColumn);
        long[] occupations = DataFrameArrays.ToArray(occupationColumn);

        var userVocabulary = FeatureVocabulary<string>.Build(MovieLensColumns.UserId, userIds);
        var genderVocabulary = FeatureVocabulary<bool>.Build(MovieLensColumns.UserGender, genders);
        var ageVocabulary = FeatureVocabulary<float>.Build(MovieLensColumns.BucketizedUserAge, ages);
        var occupationVocabulary = FeatureVocabulary<long>.Build(MovieLensColumns.UserOccupationLabel, occupations);
        var movieVocabulary = FeatureVocabulary<string>.Build(MovieLensColumns.MovieId, movieIds);

        // Titles are adapted on u.item (one count per movie) and laid out in movie_id vocabulary order, so an
        // example's movie index is also its row in the title matrix.
        StringDataFrameColumn movieTable = data.Movies.Columns.GetStringColumn(MovieLensColumns.MovieId);
        StringDataFrameColumn titleTable = data.Movies.Columns.GetStringColumn(MovieLensColumns.MovieTitle);
        var titleOfMovie = new Dictionary<string, string>((int)movieTable.Length, StringComparer.Ordinal);
        for (int row = 0; row < movieTable.Length; row++)
        {
            titleOfMovie[movieTable[row]] = titleTable[row];
        }
        TitleVectorizer vectorizer = TitleVectorizer.Adapt(titleTable, titleVocabularySize);
        long[] titleMatrix = vectorizer.EncodePadded(movieVocabulary.Values.Select(id => titleOfMovie[id]).ToArray(), out int titleLength);

        var schema = new FeatureSchema(
            [userVocabulary.Field, genderVocabulary.Field, ageVocabulary.Field, occupationVocabulary.Field, movieVocabulary.Field],
            titleVocabularySize, titleLength);
        int count = userIds.Length, fields = schema.CategoricalFieldCount;
        int userPosition = schema.UserIdField, moviePosition = schema.MovieIdField;
        int genderPosition = schema.FieldIndex(MovieLensColumns.UserGender);
        int agePosition = schema.FieldIndex(MovieLensColumns.BucketizedUserAge);
        int occupationPosition = schema.FieldIndex(MovieLensColumns.UserOccupationLabel);
        var categorical = new long[count * fields];
        var titleRows = new int[count];
        for (int row = 0; row < count; row++)
        {
            Span<long> fieldsOfRow = categorical.AsSpan(row * fields, fields);
            fieldsOfRow[userPosition] = userVocabulary.IndexOf(userIds[row]);
            fieldsOfRow[genderPosition] = genderVocabulary.IndexOf(genders[row]);
            fieldsOfRow[agePosition] = ageVocabulary.IndexOf(ages[row]);
            fieldsOfRow[occupationPosition] = occupationVocabulary.IndexOf(occupations[row]);
            titleRows[row] = movieVocabulary.IndexOf(movieIds[row]);
            fieldsOfRow[moviePosition] = titleRows[row];
        }
        float[] labels = DataFrameArrays.ToArray(ratings.Columns.GetSingleColumn(MovieLensColumns.Label));
        var encoded = new EncodedRatings(schema, categorical, titleRows, titleMatrix, labels);
        return new MovieLensFeatures(userVocabulary, genderVocabulary, ageVocabulary, occupationVocabulary,
            movieVocabulary, vectorizer, schema, encoded);
    }

    /// <summary>The original's split: seed 42, 80,000 train then 20,000 test (smaller counts for small data).</summary>
    public TrainTestSplit Split(int trainCount = TrainTestSplit.DefaultTrainCount,
        int testCount = TrainTestSplit.DefaultTestCount, int seed = TrainTestSplit.DefaultSeed) =>
        TrainTestSplit.Create(Ratings, trainCount, testCount, seed);
}
