namespace DeepFm.Notebook.Data;

/// <summary>
/// Everything the model needs from MovieLens-100k, built as in the original notebook: one sorted vocabulary per
/// categorical field (user_id, user_gender, bucketized_user_age, user_occupation_label, movie_id, in that order), a
/// title vectorizer adapted on the 1,682 titles of <c>u.item</c>, the <see cref="FeatureSchema"/> they imply and
/// all ratings encoded (<see cref="Ratings"/>, in <c>u.data</c> order). <see cref="Split"/> then makes the
/// 80,000 / 20,000 train/test parts.
/// <para>With <see cref="ExtraFields"/> switched on, the same code appends the fields the original leaves out
/// (zip prefix, release year, rating time) after those five, and encodes each movie's genres as a bag
/// (<see cref="GenreBags"/>, a further dense field of the model). Everything is built from the parsed arrays of <see cref="MovieLens100k"/>.</para>
/// </summary>
public sealed class MovieLensFeatures
{
    private MovieLensFeatures(IReadOnlyList<IFeatureVocabulary> vocabularies, TitleVectorizer titles, FeatureSchema schema,
        EncodedRatings ratings, ExtraFields extras)
    {
        CategoricalVocabularies = vocabularies;
        Titles = titles;
        Schema = schema;
        Ratings = ratings;
        Extras = extras;
    }

    /// <summary>The vocabulary of every categorical field, in column order.</summary>
    public IReadOnlyList<IFeatureVocabulary> CategoricalVocabularies { get; }

    /// <summary>user_id vocabulary (943 ids, ordinal string order).</summary>
    public FeatureVocabulary<string> UserIds => Vocabulary<string>(MovieLensColumns.UserId);

    /// <summary>user_gender vocabulary: [false, true] — index 1 is male.</summary>
    public FeatureVocabulary<bool> Genders => Vocabulary<bool>(MovieLensColumns.UserGender);

    /// <summary>bucketized_user_age vocabulary: [1, 18, 25, 35, 45, 50, 56].</summary>
    public FeatureVocabulary<float> AgeBuckets => Vocabulary<float>(MovieLensColumns.BucketizedUserAge);

    /// <summary>user_occupation_label vocabulary: the 17 TFDS labels MovieLens-100k uses, by label index.</summary>
    public FeatureVocabulary<long> Occupations => Vocabulary<long>(MovieLensColumns.UserOccupationLabel);

    /// <summary>movie_id vocabulary (1,682 ids, ordinal string order); also the row order of the title matrix.</summary>
    public FeatureVocabulary<string> MovieIds => Vocabulary<string>(MovieLensColumns.MovieId);

    /// <summary>The title vectorizer (max_tokens 10,000).</summary>
    public TitleVectorizer Titles { get; }

    /// <summary>Field cardinalities, title vocabulary size 10,000 and the padded title length.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>All ratings encoded, in <c>u.data</c> order.</summary>
    public EncodedRatings Ratings { get; }

    /// <summary>The fields added beyond the original's (<see cref="ExtraFields.None"/> by default).</summary>
    public ExtraFields Extras { get; }

    /// <summary>
    /// With <see cref="ExtraFields.Genres"/>: each movie's genres as a bag, in movie_id vocabulary order (the same
    /// object as <see cref="FeatureSchema.MovieGenres"/>); null without genres.
    /// </summary>
    public MovieGenreBags? GenreBags => Schema.MovieGenres;

    /// <summary>
    /// Builds vocabularies, the title vectorizer and the encoded ratings from the parsed data; the
    /// <paramref name="extraFields"/> (default none: the original's schema) are added after the original's.
    /// </summary>
    public static MovieLensFeatures Build(MovieLens100k data, int titleVocabularySize = TitleVectorizer.DefaultMaxTokens,
        ExtraFields? extraFields = null)
    {
        ExtraFields extras = extraFields ?? ExtraFields.None;
        extras.Validate();
        UserTable users = data.UserTable;
        MovieTable movies = data.MovieTable;
        RatingTable ratings = data.RatingTable;
        int[] userRows = [.. data.UserRowOfRating], movieRows = [.. data.MovieRowOfRating];
        T[] OfUser<T>(T[] values) => DataFrameArrays.Gather(values, userRows);
        T[] OfMovie<T>(T[] values) => DataFrameArrays.Gather(values, movieRows);

        // The original's five fields, each vocabulary the sorted distinct values of its column (np.unique).
        var columns = new CategoricalColumns(ratings.Count);
        columns.AddObserved(MovieLensColumns.UserId, ratings.UserIds);
        columns.AddObserved(MovieLensColumns.UserGender, OfUser(users.IsMale));
        columns.AddObserved(MovieLensColumns.BucketizedUserAge, OfUser(users.AgeBuckets.Select(bucket => (float)bucket).ToArray()));
        columns.AddObserved(MovieLensColumns.UserOccupationLabel, OfUser(users.OccupationLabels));
        var movieVocabulary = columns.AddObserved(MovieLensColumns.MovieId, ratings.MovieIds);

        // The extra fields: those with a known set of values get a fixed vocabulary, so "unknown" and "other"
        // always have their index; the year-month takes the months the ratings span.
        if (extras.ZipPrefixDigits > 0)
        {
            string[] prefixes = users.ZipCodes.Select(code => ZipCodePrefixes.PrefixOf(code, extras.ZipPrefixDigits)).ToArray();
            columns.AddFixed(MovieLensColumns.UserZipPrefix, ZipCodePrefixes.VocabularyOf(users.ZipCodes, extras.ZipPrefixDigits), OfUser(prefixes));
        }
        if (extras.ReleaseYear)
            columns.AddFixed(MovieLensColumns.MovieReleaseYear, ReleaseDates.BucketLabels, OfMovie(movies.ReleaseDates.Select(ReleaseDates.BucketOf).ToArray()));
        if (extras.RatingYearMonth)
            columns.AddObserved(MovieLensColumns.RatingYearMonth, ratings.Timestamps.Select(RatingTimes.YearMonthOf).ToArray());
        if (extras.RatingWeekday)
            columns.AddFixed(MovieLensColumns.RatingWeekday, RatingTimes.WeekdayLabels, ratings.Timestamps.Select(RatingTimes.WeekdayOf).ToArray());
        if (extras.RatingHour)
            columns.AddFixed(MovieLensColumns.RatingHour, RatingTimes.Hours, ratings.Timestamps.Select(RatingTimes.HourOf).ToArray());

        // Titles are adapted on u.item (one count per movie) and laid out in movie_id vocabulary order, so an
        // example's movie index is also its row in the title matrix (and in the genre bags).
        int[] tableRowOfMovie = movieVocabulary.Values.Select(RowOf(movies.Ids)).ToArray();
        TitleVectorizer vectorizer = TitleVectorizer.Adapt(movies.Titles, titleVocabularySize);
        long[] titleMatrix = vectorizer.EncodePadded(tableRowOfMovie.Select(row => movies.Titles[row]).ToArray(), out int titleLength);
        MovieGenreBags? genreBags = null;
        if (extras.Genres)
        {
            genreBags = MovieGenreBags.Encode(tableRowOfMovie.Select(row => movies.Genres[row]).ToArray());
        }

        var schema = new FeatureSchema(columns.Fields, titleVocabularySize, titleLength) { MovieGenres = genreBags };
        int[] titleRows = columns.IndicesOf(MovieLensColumns.MovieId);
        float[] labels = ratings.Labels();
        var encoded = new EncodedRatings(schema, columns.RowMajor(), titleRows, titleMatrix, labels);
        return new MovieLensFeatures(columns.Vocabularies, vectorizer, schema, encoded, extras);
    }

    /// <summary>The original's split: seed 42, 80,000 train then 20,000 test (smaller counts for small data).</summary>
    public TrainTestSplit Split(int trainCount = TrainTestSplit.DefaultTrainCount,
        int testCount = TrainTestSplit.DefaultTestCount, int seed = TrainTestSplit.DefaultSeed) =>
        TrainTestSplit.Create(Ratings, trainCount, testCount, seed);

    /// <summary>The vocabulary of the field called <paramref name="name"/>; throws naming the fields there are.</summary>
    public IFeatureVocabulary Vocabulary(string name) =>
        CategoricalVocabularies.FirstOrDefault(vocabulary => vocabulary.Name == name)
        ?? throw new ArgumentException($"No categorical field '{name}'; the fields are "
            + $"{string.Join(", ", CategoricalVocabularies.Select(vocabulary => vocabulary.Name))}.", nameof(name));

    private FeatureVocabulary<T> Vocabulary<T>(string name) where T : notnull => (FeatureVocabulary<T>)Vocabulary(name);

    private static Func<string, int> RowOf(string[] ids)
    {
        var rowOfId = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int row = 0; row < ids.Length; row++)
            rowOfId[ids[row]] = row;
        return id => rowOfId[id];
    }
}
