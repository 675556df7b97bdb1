using System.Diagnostics;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using LogLoss = DeepFm.Notebook.Metrics.LogLoss;

namespace DeepFm.Notebook.Baselines;

/// <summary>
/// A field-aware factorization machine trained by ML.NET (Juan et al., 2016, "Field-aware Factorization Machines for
/// CTR Prediction"; <c>BinaryClassification.Trainers.FieldAwareFactorizationMachine</c>) on our encoded ratings —
/// the model a .NET developer would reach for instead of DeepFM. Each feature i has one latent vector per field,
/// v_{i,f}, and a pair of features meets through the vectors that face each other's field:
/// <c>logit = w₀ + Σ_i w_i x_i + Σ_{i&lt;j} ⟨v_{i,f(j)}, v_{j,f(i)}⟩ x_i x_j</c>.
/// Nothing here is written by hand: ML.NET trains and scores; this class only feeds it our fields (one-hot
/// categorical fields, the title and genres as bags, see <see cref="FfmRows"/>) and reads its scores back.
/// </summary>
public sealed class FieldAwareFm
{
    private readonly MLContext context;
    private readonly ITransformer model;

    private FieldAwareFm(MLContext context, ITransformer model, FeatureSchema schema, FieldAwareFmOptions options, int seed,
        TimeSpan trainingTime)
    {
        this.context = context;
        this.model = model;
        Schema = schema;
        Options = options;
        Seed = seed;
        TrainingTime = trainingTime;
    }

    /// <summary>The fields the model reads.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The settings it was trained with.</summary>
    public FieldAwareFmOptions Options { get; }

    /// <summary>Seeds ML.NET's context: the initial latent vectors and the order of each pass.</summary>
    public int Seed { get; }

    /// <summary>Wall time of <see cref="Train"/>'s call to ML.NET (the rows already built).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>
    /// Trainable values: per feature one linear weight and one k-vector per field, n·(1 + F·k), plus the bias — the
    /// price of being field-aware (an FM has n·(1 + k)). n counts every slot of every field's vector, as ML.NET
    /// allocates them (the title's 10,000-token vocabulary included).
    /// </summary>
    public long ParameterCount => ParametersOf(Schema, Options.LatentDimension);

    /// <summary>n·(1 + F·k) + 1 for <paramref name="schema"/>'s fields and latent dimension <paramref name="latentDimension"/>.</summary>
    public static long ParametersOf(FeatureSchema schema, int latentDimension)
    {
        ArgumentNullException.ThrowIfNull(schema);
        long features = FfmRows.FieldWidths(schema).Sum(width => (long)width);
        return features * (1 + (long)FfmRows.FieldCount(schema) * latentDimension) + 1;
    }

    /// <summary>Trains on <paramref name="train"/> with <paramref name="options"/>; <paramref name="seed"/> seeds ML.NET.</summary>
    public static FieldAwareFm Train(EncodedRatings train, FieldAwareFmOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LatentDimension, 1);
        var context = new MLContext(seed);
        IDataView rows = FfmRows.Ratings(context, train);
        var trainer = context.BinaryClassification.Trainers.FieldAwareFactorizationMachine(
            new FieldAwareFactorizationMachineTrainer.Options
            {
                FeatureColumnName = FfmRows.FeatureColumns(train.Schema)[0],
                ExtraFeatureColumns = FfmRows.FeatureColumns(train.Schema)[1..],
                LabelColumnName = nameof(FfmRow.Label),
                NumberOfIterations = options.Iterations,
                LatentDimension = options.LatentDimension,
                LearningRate = options.LearningRate,
                LambdaLinear = options.Lambda,
                LambdaLatent = options.Lambda,
                Shuffle = true,
            });
        var clock = Stopwatch.StartNew();
        ITransformer model = trainer.Fit(rows);
        return new FieldAwareFm(context, model, train.Schema, options, seed, clock.Elapsed);
    }

    /// <summary>The model's logit (ML.NET's "Score") for every rating of <paramref name="ratings"/>, in stored order.</summary>
    public float[] Logits(EncodedRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        CheckSchema(ratings.Schema);
        return Scores(FfmRows.Ratings(context, ratings));
    }

    /// <summary>P(4 or 5 stars) for every rating of <paramref name="ratings"/>: σ(logit).</summary>
    public float[] Predict(EncodedRatings ratings) => Logits(ratings).Select(logit => 1f / (1f + MathF.Exp(-logit))).ToArray();

    /// <summary>Exact AUC and mean log-loss over all of <paramref name="ratings"/>, as the trainer measures DeepFM.</summary>
    public SplitMetrics Evaluate(EncodedRatings ratings)
    {
        float[] logits = Logits(ratings);
        return new SplitMetrics(LogLoss.FromLogits(logits, ratings.Labels), RocAuc.Compute(logits, ratings.Labels), ratings.Count);
    }

    /// <summary>The logit of every candidate of every user of <paramref name="task"/>, aligned as <see cref="CandidateScores"/>' are.</summary>
    public float[][] ScoreCandidates(RankingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        CheckSchema(task.Schema);
        float[] all = Scores(FfmRows.Candidates(context, task));
        var scores = new float[task.Users.Count][];
        int offset = 0;
        for (int user = 0; user < scores.Length; user++)
        {
            scores[user] = all.AsSpan(offset, task.Users[user].Candidates.Length).ToArray();
            offset += scores[user].Length;
        }
        return scores;
    }

    private float[] Scores(IDataView rows) => [.. model.Transform(rows).GetColumn<float>("Score")];

    private void CheckSchema(FeatureSchema schema)
    {
        if (!FfmRows.FieldWidths(schema).SequenceEqual(FfmRows.FieldWidths(Schema)))
            throw new ArgumentException(
                $"These ratings are encoded with other fields ({string.Join(", ", schema.DenseFieldNames)}) than the FFM was trained on " +
                $"({string.Join(", ", Schema.DenseFieldNames)}); build both from the same MovieLensFeatures.", nameof(schema));
    }
}
