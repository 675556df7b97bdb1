using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Metrics;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Evaluation;
using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// The one pass that scores a split (the static Trainer.Evaluate, behind the trainer's own Evaluate, calibration and the
/// recommendation runs): the model's own logits
/// in stored order, in evaluation mode without gradients, and the model's mode put back afterwards.
/// </summary>
public class SplitEvaluationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void TheLogitsAreTheModelsOwnInStoredOrderAcrossPartialBatches()
    {
        using var ratings = TrainingFixture.World.Sample(150, sampleSeed: 31);
        using var model = TrainingFixture.NewModel();
        float[] direct;
        using (no_grad())
        using (FeatureBatch all = ratings.Batches(ratings.Count).Single())
        using (Tensor logits = model.call(all.Categorical, all.TitleTokens))
            direct = logits.data<float>().ToArray();

        var predictions = new PredictionBuffer();
        SplitMetrics metrics = Trainer.Evaluate(model, ratings, batchSize: 64, predictions, Cancellation);   // 64 + 64 + 22

        Assert.Equal(direct.Length, predictions.Count);
        for (int row = 0; row < direct.Length; row++)
            Assert.Equal(direct[row], predictions.Logits[row], 5);
        Assert.Equal(ratings.LabelValues, predictions.Labels.ToArray());
        Assert.Equal(RocAuc.Compute(direct, ratings.LabelValues), metrics.Auc, 6);
        var inSevens = new PredictionBuffer();
        Trainer.Evaluate(model, ratings, batchSize: 7, inSevens, Cancellation);
        Assert.Equal(direct, inSevens.Logits.ToArray(), new FloatTolerance(1e-5f));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EveryBatchRunsInEvalModeWithoutGradientsAndTheModeComesBack(bool training)
    {
        using var ratings = TrainingFixture.World.Sample(100, sampleSeed: 32);
        using var model = new ModeProbe(TrainingFixture.NewModel());
        model.train(training);

        Trainer.Evaluate(model, ratings, batchSize: 30, new PredictionBuffer(), Cancellation);

        Assert.Equal(4, model.Seen.Count);   // 100 rows in batches of 30
        Assert.All(model.Seen, seen => Assert.Equal((false, false), seen));
        Assert.Equal(training, model.training);
    }

    [Fact]
    public void AnEmptySplitIsRefusedByName()
    {
        using var empty = TrainingFixture.World.Sample(0, sampleSeed: 33);
        using var model = TrainingFixture.NewModel();

        var error = Assert.Throws<ArgumentException>(() =>
            Trainer.Evaluate(model, empty, 64, new PredictionBuffer(), Cancellation, splitName: "validation split"));
        Assert.Contains("validation split has no examples", error.Message);
    }

    [Fact]
    public void CalibrationProbabilitiesAreTheSigmoidOfTheModelsLogits()
    {
        using var fixture = FixtureFeatures.Load(out MovieLensFeatures features);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 5);
        float[] expected;
        using (FeatureBatch all = features.Ratings.Batches(features.Ratings.Count).Single())
        using (Tensor probabilities = model.Predict(all))
            expected = probabilities.data<float>().ToArray();

        float[] probabilitiesInBatchesOfThree = SplitPredictions.Probabilities(model, features.Ratings, batchSize: 3);

        Assert.Equal(expected, probabilitiesInBatchesOfThree, new FloatTolerance(1e-6f));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }

    /// <summary>Wraps a model and records (training mode, gradients enabled) at every forward call.</summary>
    private sealed class ModeProbe : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor, Tensor> inner;

        public ModeProbe(nn.Module<Tensor, Tensor, Tensor> inner) : base(nameof(ModeProbe))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public List<(bool Training, bool Gradients)> Seen { get; } = [];

        public override Tensor forward(Tensor categorical, Tensor titleTokens)
        {
            Seen.Add((training, torch.is_grad_enabled()));
            return inner.call(categorical, titleTokens);
        }
    }
}
