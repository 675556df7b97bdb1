using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// One prediction taken apart: the logit of (user, movie) split into DeepFM's first-order, FM and DNN parts
/// (Guo et al. 2017, arXiv:1703.04247, Eq. 1), and the FM part split further into its field pairs. With v_f the
/// dense vector of field f (user_id, user_gender, bucketized_user_age, user_occupation_label, movie_id, movie_title),
/// the FM logit is Σ_{i&lt;j} ⟨v_i, v_j⟩ (Eq. 2): <see cref="Interactions"/>[i, j] = ⟨v_i, v_j⟩ says how much the pair
/// (i, j) pushes this score up or down. The DNN part has no such split: its layers mix all fields at once.
/// </summary>
public sealed class PredictionExplanation
{
    private PredictionExplanation(string userId, string movieId, IReadOnlyList<string> fieldNames, double? firstOrder,
        double? fm, double? dnn, double[,]? interactions)
    {
        UserId = userId;
        MovieId = movieId;
        FieldNames = fieldNames;
        FirstOrder = firstOrder;
        Fm = fm;
        Dnn = dnn;
        Interactions = interactions;
    }

    /// <summary>The user explained.</summary>
    public string UserId { get; }

    /// <summary>The movie explained.</summary>
    public string MovieId { get; }

    /// <summary>The dense fields, rows and columns of <see cref="Interactions"/> (<see cref="FeatureSchema.DenseFieldNames"/>).</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>First-order logit b + Σ_f w_{x_f}, or null when the model has no such part (DNN).</summary>
    public double? FirstOrder { get; }

    /// <summary>FM logit Σ_{i&lt;j} ⟨v_i, v_j⟩, or null (LR, DNN).</summary>
    public double? Fm { get; }

    /// <summary>DNN logit, or null (LR, FM).</summary>
    public double? Dnn { get; }

    /// <summary>The model's logit: the sum of the parts it has.</summary>
    public double Logit => (FirstOrder ?? 0) + (Fm ?? 0) + (Dnn ?? 0);

    /// <summary>P(rating ≥ 4) = sigmoid(logit).</summary>
    public double Probability => 1 / (1 + Math.Exp(-Logit));

    /// <summary>⟨v_i, v_j⟩ for every pair of dense fields, F × F and symmetric (diagonal: ‖v_i‖²); null without embeddings.</summary>
    public double[,]? Interactions { get; }

    /// <summary>Σ_{i&lt;j} ⟨v_i, v_j⟩: the strict upper triangle of <see cref="Interactions"/>, which is the FM logit.</summary>
    public double InteractionSum()
    {
        double[,] matrix = Interactions ?? throw new InvalidOperationException("This model has no field embeddings.");
        double sum = 0;
        for (int i = 0; i < FieldNames.Count; i++)
            for (int j = i + 1; j < FieldNames.Count; j++)
                sum += matrix[i, j];
        return sum;
    }

    /// <summary>The parts as a table (<c>part</c>, <c>logit</c>, 4 decimals), their sum and the probability last.</summary>
    public DataFrame PartsTable()
    {
        var rows = new List<(string Part, double Value)>();
        if (FirstOrder is double first) rows.Add(("first order", first));
        if (Fm is double fm) rows.Add(("FM (pairwise)", fm));
        if (Dnn is double deep) rows.Add(("DNN", deep));
        rows.Add(("logit (sum)", Logit));
        rows.Add(("P(rating ≥ 4)", Probability));
        return new DataFrame(
            new StringDataFrameColumn("part", rows.Select(row => row.Part)),
            new PrimitiveDataFrameColumn<double>("value", rows.Select(row => Math.Round(row.Value, 4))));
    }

    /// <summary>The field pairs i &lt; j ordered by |⟨v_i, v_j⟩|, largest first (<c>pair</c>, <c>interaction</c>, 4 decimals).</summary>
    public DataFrame PairsTable(int count = 15)
    {
        double[,] matrix = Interactions ?? throw new InvalidOperationException("This model has no field embeddings.");
        var pairs = (from i in Enumerable.Range(0, FieldNames.Count)
                     from j in Enumerable.Range(i + 1, FieldNames.Count - i - 1)
                     select (Pair: $"{FieldNames[i]} × {FieldNames[j]}", Value: matrix[i, j]))
            .OrderByDescending(pair => Math.Abs(pair.Value)).Take(count).ToList();
        return new DataFrame(
            new StringDataFrameColumn("pair", pairs.Select(pair => pair.Pair)),
            new PrimitiveDataFrameColumn<double>("interaction", pairs.Select(pair => Math.Round(pair.Value, 4))));
    }

    /// <summary>
    /// Explains <paramref name="model"/>'s score of <paramref name="movieId"/> for <paramref name="userId"/>, encoding
    /// the pair exactly as in training (the user's fields from any of their ratings, the movie's title tokens).
    /// </summary>
    public static PredictionExplanation Explain(DeepFmModel model, MovieLensFeatures features, string userId, string movieId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        FeatureSchema schema = features.Schema;
        if (!features.UserIds.TryGetIndex(userId, out int user))
            throw new ArgumentException($"Unknown user id '{userId}' (ids are the user_id column of data.Users).", nameof(userId));
        if (!features.MovieIds.TryGetIndex(movieId, out int movie))
            throw new ArgumentException($"Unknown movie id '{movieId}' (find one with recommender.FindMovieId(\"…\")).", nameof(movieId));
        (long[] categorical, long[] titleTokens) = Encode(features, user, movie);

        using var inference = ModelInference.Begin(model);
        using var batch = new FeatureBatch(torch.tensor(categorical, 1, categorical.Length),
            torch.tensor(titleTokens, 1, titleTokens.Length), torch.zeros(1));
        LogitParts parts = model.Parts(batch);
        double[,]? interactions = null;
        if (model.FieldEmbeddings is not null)
        {
            Tensor fields = model.DenseFieldEmbeddings(batch)[0];                 // [F, D]
            Tensor dotProducts = fields.matmul(fields.t()).to(ScalarType.Float64); // [F, F], ⟨v_i, v_j⟩
            double[] flat = dotProducts.contiguous().data<double>().ToArray();
            int count = (int)fields.shape[0];
            interactions = new double[count, count];
            for (int i = 0; i < count; i++)
                for (int j = 0; j < count; j++)
                    interactions[i, j] = flat[i * count + j];
        }
        static double? Value(Tensor? part) => part is null ? null : part.to(ScalarType.Float64).item<double>();
        return new PredictionExplanation(userId, movieId, schema.DenseFieldNames, Value(parts.FirstOrder),
            Value(parts.Fm), Value(parts.Dnn), interactions);
    }

    // The user's categorical row (from their first rating) with the movie put in, and the movie's title tokens.
    private static (long[] Categorical, long[] TitleTokens) Encode(MovieLensFeatures features, int user, int movie)
    {
        var catalog = EncodedCatalog.Of(features.Ratings);
        if (!catalog.HasUser(user) || !catalog.HasMovie(movie))
            throw new ArgumentException("The user or the movie has no rating to take its encoding from.");
        long[] categorical = catalog.CategoricalRowOf(user).ToArray();
        categorical[features.Schema.MovieIdField] = movie;
        return (categorical, catalog.TitleTokensOf(movie).ToArray());
    }
}
