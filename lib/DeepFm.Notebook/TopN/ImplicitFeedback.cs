using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// Implicit-feedback training data for a DeepFM: every rating, whatever its stars, becomes a positive ("watched",
/// label 1), and each positive gets <see cref="NegativesPerPositive"/> movies the user did not rate, drawn by a
/// <see cref="NegativeSampler"/> (label 0). A negative row is the positive's row with the movie replaced — the
/// user's fields stay, the movie_id and title are the drawn movie's, exactly as a ranking candidate is built.
/// <para>The model then learns P(watch | user, movie) instead of P(4–5 stars | rated), the question a top-10 asks.
/// Negatives are drawn afresh for every call of <see cref="Batches"/> from its shuffle seed (the trainer passes
/// seed + epoch, so every epoch sees new negatives); a source made with a <c>fixedSeed</c> (validation) draws the
/// same negatives every time, so its AUC is comparable from epoch to epoch.</para>
/// </summary>
public sealed class ImplicitFeedback : IBatchSource
{
    private readonly EncodedRatings watched;
    private readonly NegativeSampler sampler;
    private readonly long[] titleMatrix;   // [movies, L], row = movie index
    private readonly int? fixedSeed;

    /// <summary>
    /// The positives are every row of <paramref name="watched"/>; titles of the drawn movies come from
    /// <paramref name="features"/> (every movie); <paramref name="sampler"/> must exclude at least the movies of
    /// <paramref name="watched"/>.
    /// </summary>
    public ImplicitFeedback(MovieLensFeatures features, EncodedRatings watched, NegativeSampler sampler, int negativesPerPositive,
        int? fixedSeed = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfNegative(negativesPerPositive);
        FeatureSchema schema = watched.Schema;
        int movieField = schema.MovieIdField;
        var movieSide = Enumerable.Range(0, schema.CategoricalFieldCount)
            .Where(field => field != movieField && !schema.UserFields.Contains(field)).Select(field => schema.CategoricalFields[field].Name).ToList();
        if (movieSide.Count > 0)
            throw new ArgumentException(
                $"Fields [{string.Join(", ", movieSide)}] belong to a rating or a movie, not to the user, so a drawn negative " +
                "would carry the positive's values; build the features with user fields, movie_id, title and genres only.", nameof(watched));

        int length = schema.TitleLength, movies = schema.CategoricalFields[movieField].Cardinality;
        titleMatrix = new long[movies * length];
        EncodedRatings all = features.Ratings;
        for (int row = 0; row < all.Count; row++)
            all.TitleTokensOf(row).CopyTo(titleMatrix.AsSpan((int)all.CategoricalRow(row)[movieField] * length, length));

        this.watched = watched;
        this.sampler = sampler;
        this.fixedSeed = fixedSeed;
        NegativesPerPositive = negativesPerPositive;
    }

    /// <summary>Drawn negatives per rating.</summary>
    public int NegativesPerPositive { get; }

    /// <summary>Positives and negatives: ratings × (1 + negatives per positive).</summary>
    public int Count => watched.Count * (1 + NegativesPerPositive);

    /// <inheritdoc />
    public FeatureSchema Schema => watched.Schema;

    /// <summary>Draws the negatives with <c>fixedSeed ?? shuffleSeed ?? 0</c> and serves positives and negatives shuffled together.</summary>
    public IEnumerable<FeatureBatch> Batches(int batchSize, int? shuffleSeed = null) =>
        Draw(fixedSeed ?? shuffleSeed ?? 0).Batches(batchSize, shuffleSeed);

    /// <summary>
    /// The examples for one seed, stored in order: each rating (label 1) followed by its negatives (label 0).
    /// </summary>
    public EncodedRatings Draw(int seed)
    {
        FeatureSchema schema = watched.Schema;
        int fields = schema.CategoricalFieldCount, userField = schema.UserIdField, movieField = schema.MovieIdField;
        int perPositive = 1 + NegativesPerPositive;
        var categorical = new long[Count * fields];
        var titleRows = new int[Count];
        var labels = new float[Count];
        var random = new Random(seed);
        Span<int> negatives = stackalloc int[NegativesPerPositive];
        for (int row = 0; row < watched.Count; row++)
        {
            ReadOnlySpan<long> positive = watched.CategoricalRow(row);
            int user = (int)positive[userField];
            sampler.Sample(user, negatives, random);
            for (int j = 0; j < perPositive; j++)
            {
                int example = row * perPositive + j;
                Span<long> target = categorical.AsSpan(example * fields, fields);
                positive.CopyTo(target);
                if (j > 0) target[movieField] = negatives[j - 1];
                titleRows[example] = (int)target[movieField];
                labels[example] = j == 0 ? 1f : 0f;
            }
        }
        return new EncodedRatings(schema, categorical, titleRows, titleMatrix, labels);
    }
}
