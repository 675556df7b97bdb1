using DeepFm.Notebook.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// DeepFM: a factorization machine and a deep network that share the same field embeddings, their logits summed
/// (Guo et al. 2017, "DeepFM: A Factorization-Machine based Neural Network for CTR Prediction", arXiv:1703.04247,
/// Eq. 1: ŷ = sigmoid(y_FM + y_DNN)).
/// <para>Inputs: int64 [B, F] categorical indices and int64 [B, L] title token ids (a <see cref="FeatureBatch"/>).
/// Output of <c>forward</c>: float32 [B], the LOGIT (train it with <c>BCEWithLogitsLoss</c>);
/// <see cref="Predict(Tensor, Tensor)"/> gives the probability.</para>
/// </summary>
/// <remarks>
/// Dense features: the F categorical embeddings plus the masked-mean title embedding, stacked to [B, F+1, D] (the
/// title is averaged once per distinct movie of the batch, <see cref="MaskedTitleEmbedding.OncePerMovie"/>); with
/// the extended schema's genres (<see cref="FeatureSchema.MovieGenres"/>) the genre bag's mean embedding is one more
/// dense field after the title (<see cref="MovieGenreEmbedding"/>).
/// logit = first order (linear over the one-hot categorical fields) + FM (pairwise interactions of the dense
/// features) + MLP (over the flattened dense features). <see cref="DeepFmOptions"/> switches parts off to give LR,
/// FM or DNN; parts that are off are not created. <see cref="Parts(FeatureBatch)"/> gives the three logits one by
/// one and <see cref="DenseFieldEmbeddings"/> the shared dense input, for readers who want to look inside.
/// <para>Calling the model changes no process-wide state. Code that calls it many times (training, ranking every
/// candidate of every user) opens <c>TorchRuntime.Open()</c> around the work: TorchSharp 0.107 can free a temporary
/// Scalar while libtorch reads it if a garbage collection lands mid-call, and that scope pauses the collector.</para>
/// </remarks>
// Named DeepFmModel rather than DeepFm: the root namespace is DeepFm, and outside DeepFm.Notebook.Model (tests,
// notebooks) the name DeepFm would resolve to that namespace (error CS0118).
public sealed class DeepFmModel : Module<Tensor, Tensor, Tensor>
{
    private readonly FieldEmbeddings? fieldEmbeddings;
    private readonly MaskedTitleEmbedding? titleEmbedding;
    private readonly FirstOrderWeights? firstOrderWeights;
    private readonly FactorizationMachine? factorizationMachine;
    private readonly Mlp? mlp;
    private readonly MovieGenreEmbedding? genreEmbedding;
    private readonly string[] categoricalFieldNames;
    private readonly long[] categoricalCardinalities;
    private readonly int? movieIdField;

    /// <summary>
    /// Builds the parts <paramref name="options"/> asks for, sized by <paramref name="schema"/>; all weights are
    /// drawn from a generator seeded with <paramref name="seed"/> (same seed, same weights).
    /// </summary>
    public DeepFmModel(FeatureSchema schema, DeepFmOptions options, int seed) : base(nameof(DeepFmModel))
    {
        options.Validate();
        Schema = schema;
        Options = options;
        categoricalFieldNames = schema.CategoricalFields.Select(field => field.Name).ToArray();
        categoricalCardinalities = schema.CategoricalFields.Select(field => (long)field.Cardinality).ToArray();
        movieIdField = categoricalFieldNames.Contains(MovieLensColumns.MovieId) ? schema.MovieIdField : null;

        using var generator = new Generator((ulong)seed);
        if (options.UsesEmbeddings)
        {
            fieldEmbeddings = new FieldEmbeddings(schema.CategoricalFields, options.EmbeddingDimension, generator);
            titleEmbedding = new MaskedTitleEmbedding(schema.TitleVocabularySize, options.EmbeddingDimension, generator);
        }
        if (options.UseFirstOrder)
            firstOrderWeights = new FirstOrderWeights(schema.CategoricalFields, generator);
        if (options.UseFm)
            factorizationMachine = new FactorizationMachine();
        if (options.UseDnn)
            mlp = new Mlp(DenseFieldCount * options.EmbeddingDimension, options.HiddenUnits, generator);
        // Drawn last, so that a schema without genres gets exactly the weights it always had for the same seed.
        if (options.UsesEmbeddings && schema.MovieGenres is { } genreBags)
            genreEmbedding = new MovieGenreEmbedding(genreBags, options.EmbeddingDimension, generator);
        RegisterComponents();
    }

    /// <summary>The fields and vocabulary sizes the model was built for.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>Which parts the model has.</summary>
    public DeepFmOptions Options { get; }

    /// <summary>Fields with a dense embedding: every categorical field plus the title (<see cref="FeatureSchema.DenseFieldNames"/>).</summary>
    public int DenseFieldCount => Schema.DenseFieldCount;

    /// <summary>Number of trainable values.</summary>
    public long ParameterCount => ModelSummary.CountParameters(this);

    /// <summary>The categorical fields' shared embeddings (null for logistic regression, which has none).</summary>
    public FieldEmbeddings? FieldEmbeddings => fieldEmbeddings;

    /// <summary>The title's masked-mean embedding (null for logistic regression).</summary>
    public MaskedTitleEmbedding? TitleEmbedding => titleEmbedding;

    /// <summary>The first-order weights (null for the DNN variant).</summary>
    public FirstOrderWeights? FirstOrderWeights => firstOrderWeights;

    /// <summary>The pairwise-interaction layer (null for LR and DNN).</summary>
    public FactorizationMachine? FactorizationMachine => factorizationMachine;

    /// <summary>The deep component (null for LR and FM).</summary>
    public Mlp? Mlp => mlp;

    /// <summary>The genre bag's embedding (null without genres in the schema, and for LR).</summary>
    public MovieGenreEmbedding? GenreEmbedding => genreEmbedding;

    /// <summary>
    /// Logits, float32 [B], of int64 [B, F] categorical indices and int64 [B, L] title tokens: the sum of the
    /// <see cref="Parts(Tensor, Tensor)"/>. This is where a batch enters the model, so its indices are checked here,
    /// once; the parts trust them.
    /// </summary>
    public override Tensor forward(Tensor categorical, Tensor titleTokens)
    {
        CheckInput(categorical, titleTokens);
        using var scope = torch.NewDisposeScope();
        return ComputeParts(categorical, titleTokens).Sum().MoveToOuterDisposeScope();   // [B]
    }

    /// <summary>The first-order, FM and DNN logits of a batch, each float32 [B] (null when the variant lacks it).</summary>
    public LogitParts Parts(FeatureBatch batch) => Parts(batch.Categorical, batch.TitleTokens);

    /// <summary>The first-order, FM and DNN logits, each float32 [B] (null when the variant lacks it).</summary>
    public LogitParts Parts(Tensor categorical, Tensor titleTokens)
    {
        CheckInput(categorical, titleTokens);
        return ComputeParts(categorical, titleTokens);
    }

    /// <summary>
    /// The dense input that the FM and the DNN share, float32 [B, F, D]: row f is dense field
    /// <c>Schema.DenseFieldNames[f]</c> (the categorical fields, then the title). Throws for logistic regression.
    /// </summary>
    public Tensor DenseFieldEmbeddings(FeatureBatch batch)
    {
        CheckInput(batch.Categorical, batch.TitleTokens);
        return DenseEmbeddings(batch.Categorical, batch.TitleTokens)
            ?? throw new InvalidOperationException($"Model '{Options.Name}' has no field embeddings (logistic regression learns one weight per value).");
    }

    /// <summary>
    /// The one check of a batch, run by <c>forward</c>, <see cref="Parts(Tensor, Tensor)"/> and
    /// <see cref="DenseFieldEmbeddings"/>: both inputs hold the same B examples and every index lies inside the
    /// schema's vocabularies; otherwise an exception names the field and what to do.
    /// </summary>
    public void CheckInput(Tensor categorical, Tensor titleTokens)
    {
        if (categorical.dim() < 1 || titleTokens.dim() < 1 || categorical.shape[0] != titleTokens.shape[0])
            throw new ArgumentException(
                $"Categorical [{string.Join(", ", categorical.shape)}] and TitleTokens [{string.Join(", ", titleTokens.shape)}] " +
                "must hold the same number of examples B.", nameof(titleTokens));
        IndexInputChecks.RequireIndexColumns(categorical, nameof(FeatureBatch.Categorical), categoricalFieldNames, categoricalCardinalities);
        IndexInputChecks.RequireTokenIds(titleTokens, nameof(FeatureBatch.TitleTokens), Schema.TitleVocabularySize);
    }

    // The dense features shared by FM and DNN: F categorical embeddings and the title, [B, F+1, D] (and the genres,
    // [B, F+2, D]); null without them.
    private Tensor? DenseEmbeddings(Tensor categorical, Tensor titleTokens)
    {
        if (fieldEmbeddings is null || titleEmbedding is null) return null;
        var categoricalVectors = fieldEmbeddings.call(categorical);              // [B, F, D]
        var titleVector = (movieIdField is int movieColumn
            ? titleEmbedding.OncePerMovie(titleTokens, categorical[.., movieColumn])      // [B, D], one mean per movie
            : titleEmbedding.call(titleTokens)).unsqueeze(1);                            // [B, 1, D]
        if (genreEmbedding is null)
            return torch.cat([categoricalVectors, titleVector], dim: 1);        // [B, F+1, D]
        var movies = categorical[.., Schema.MovieIdField];                       // [B]
        var genreVector = genreEmbedding.call(movies).unsqueeze(1);              // [B, 1, D]
        return torch.cat([categoricalVectors, titleVector, genreVector], dim: 1); // [B, F+2, D]
    }

    private LogitParts ComputeParts(Tensor categorical, Tensor titleTokens)
    {
        var denseEmbeddings = DenseEmbeddings(categorical, titleTokens);         // [B, F+1, D] or null
        var firstOrder = firstOrderWeights?.call(categorical).squeeze(1);                         // [B]
        var pairwise = factorizationMachine?.call(denseEmbeddings!).squeeze(1);                   // [B]
        var deep = mlp?.call(denseEmbeddings!.flatten(start_dim: 1)).squeeze(1);                 // [B], [B, (F+1)·D] in
        return new LogitParts(firstOrder, pairwise, deep);
    }

    /// <summary>Logits, float32 [B], of a batch.</summary>
    public Tensor Logits(FeatureBatch batch) => call(batch.Categorical, batch.TitleTokens);

    /// <summary>
    /// Probabilities, float32 [B]: the sigmoid of the logits, computed without tracking gradients (the sigmoid is
    /// applied only here, at the edge; training uses the logits).
    /// </summary>
    public Tensor Predict(Tensor categorical, Tensor titleTokens)
    {
        using var noGrad = torch.no_grad();
        using var logits = call(categorical, titleTokens);
        return torch.sigmoid(logits);
    }

    /// <summary>Probabilities, float32 [B], of a batch.</summary>
    public Tensor Predict(FeatureBatch batch) => Predict(batch.Categorical, batch.TitleTokens);
}
