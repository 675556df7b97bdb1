using System.Globalization;
using DeepFm.Notebook.Baselines;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Experiments;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Evaluation;

/// <summary>
/// Notebook 06's ablation on a small learnable fixture: every recipe × seed runs once, the table adds up, and each
/// run follows the <see cref="ValidationProtocol"/> — the epoch chosen on the validation split, that epoch's weights
/// scored on the test split, ± the sample standard deviation.
/// </summary>
public class AblationTests
{
    private const int TrainCount = 300, TestCount = 60;
    private static readonly DeepFmOptions SmallDeepFm = DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] };
    private static readonly TrainerOptions Adagrad = new() { Epochs = 3, TrainBatchSize = 32, ValidateEvery = 1, Threads = 1 };
    // Fast enough to overfit this small fixture within a few epochs, so the best validation epoch is not the last.
    private static readonly TrainerOptions OverfittingAdam =
        Adagrad with { Optimizer = OptimizerKind.AdamW, LearningRate = 0.05, Epochs = 8 };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void EachRecipeRunsForEachSeedAndTheSummaryComparesWithTheFirst()
    {
        using var fixture = LearnableFixture(out MovieLens100k data);
        var adamW = Adagrad with { Optimizer = OptimizerKind.AdamW, LearningRate = 0.01, WeightDecay = 1 };
        Recipe[] recipes =
        [
            new("baseline", ExtraFields.None, SmallDeepFm, Adagrad),
            new("AdamW + all fields", ExtraFields.All, SmallDeepFm, adamW),
        ];
        var lines = new List<string>();
        Ablation ablation = Ablation.Run(data, recipes, [1, 2], lines.Add, TrainCount, TestCount, Cancellation);

        Assert.Equal(4, ablation.Runs.Count);
        Assert.Equal(4, lines.Count);
        Assert.All(ablation.Runs, run => Assert.InRange(run.ChosenEpoch!.Value, 1, 3));
        Assert.All(ablation.Runs, run => Assert.InRange(run.TestAuc, 0, 1));
        Assert.Equal("AdamW lr 0.01, weight decay 1, up to 3 epochs", recipes[1].TrainingDescription);

        DataFrame summary = ablation.Summary;
        Assert.Equal(["baseline", "AdamW + all fields"], summary.Columns.GetStringColumn("recipe"));
        Assert.Equal("0.0000", summary.Columns.GetStringColumn("vs baseline")[0]);
        double baselineMean = ablation.Runs.Take(2).Average(run => run.TestAuc);
        double allFieldsMean = ablation.Runs.Skip(2).Average(run => run.TestAuc);
        Assert.Equal((allFieldsMean - baselineMean).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
            summary.Columns.GetStringColumn("vs baseline")[1]);
        Assert.Equal(4, ablation.RunTable.Rows.Count);

        // The tables declare their decimals: AUC and loss 4, seconds 1, also after the FFM reference rows are added.
        Assert.Equal(1, Assert.IsType<DecimalsColumn>(summary.Columns["seconds"]).Decimals);
        foreach (string column in new[] { "validation AUC", "test AUC", "test loss" })
            Assert.Equal(4, Assert.IsType<DecimalsColumn>(ablation.RunTable.Columns[column]).Decimals);
        Assert.Equal(1, Assert.IsType<DecimalsColumn>(ablation.RunTable.Columns["seconds"]).Decimals);
        ValidationSplit split = ValidationSplit.Create(MovieLensFeatures.Build(data).Split(TrainCount, TestCount));
        FfmComparison ffm = FfmComparison.Run(split, task: null, seeds: [1], iterations: [1], lambdas: [1e-4f],
            latentDimension: 2);
        DataFrame withReference = FfmComparison.AblationWithReference(ablation, ffm);
        var seconds = Assert.IsType<DecimalsColumn>(withReference.Columns["seconds"]);
        Assert.Equal(1, seconds.Decimals);
        Assert.Matches(@"^\d+\.\d$", TableNumbers.Format(seconds[2], seconds));   // the FFM's row: one decimal
        var search = ffm.SearchTable;
        foreach (var (column, decimals) in new[] { ("validation_auc", 4), ("validation_loss", 4), ("train_s", 1) })
            Assert.Equal(decimals, Assert.IsType<DecimalsColumn>(search.Columns[column]).Decimals);
    }

    [Fact]
    public void TheEpochIsChosenOnValidationAndItsWeightsAreTheOnesScoredOnTest()
    {
        using var fixture = LearnableFixture(out MovieLens100k data);
        var recipe = new Recipe("AdamW", ExtraFields.None, SmallDeepFm, OverfittingAdam);
        ValidatedRun run = Ablation.Run(data, [recipe], [3], trainCount: TrainCount, testCount: TestCount,
            cancellation: Cancellation).Runs.Single();

        // The same model trained again by hand, epoch by epoch, scoring both splits after every epoch.
        ValidationSplit split = ValidationSplit.Create(MovieLensFeatures.Build(data).Split(TrainCount, TestCount));
        using var runtime = TorchRuntime.Open(threads: OverfittingAdam.Threads);
        using var model = new DeepFmModel(split.Train.Schema, SmallDeepFm, 3);
        using var trainer = new Trainer(model, OverfittingAdam with { Seed = 3 });
        var validationAucs = new List<double>();
        var testAucs = new List<double>();
        for (int epoch = 1; epoch <= OverfittingAdam.Epochs; epoch++)
        {
            trainer.TrainEpoch(split.Train, epoch, Cancellation);
            validationAucs.Add(trainer.Evaluate(split.Validation, Cancellation).Auc);
            testAucs.Add(trainer.Evaluate(split.Test, Cancellation).Auc);
        }
        int bestOnValidation = 1 + validationAucs.IndexOf(validationAucs.Max());   // earliest on ties
        int bestOnTest = 1 + testAucs.IndexOf(testAucs.Max());

        // The fixture makes the three candidate rules disagree, so only the right one passes.
        Assert.NotEqual(bestOnTest, bestOnValidation);
        Assert.NotEqual(OverfittingAdam.Epochs, bestOnValidation);
        Assert.NotEqual(testAucs[^1], testAucs[bestOnValidation - 1], 6);

        Assert.Equal(bestOnValidation, run.ChosenEpoch);
        Assert.Equal(validationAucs[bestOnValidation - 1], run.ValidationAuc!.Value, 6);
        Assert.Equal(testAucs[bestOnValidation - 1], run.TestAuc, 6);
    }

    [Fact]
    public void PlusMinusIsTheSampleStandardDeviationOverTheSeeds()
    {
        using var fixture = LearnableFixture(out MovieLens100k data);
        var recipe = new Recipe("Adagrad", ExtraFields.None, SmallDeepFm, Adagrad);
        Ablation ablation = Ablation.Run(data, [recipe], [1, 2, 3], trainCount: TrainCount, testCount: TestCount,
            cancellation: Cancellation);

        double[] test = ablation.Runs.Select(run => run.TestAuc).ToArray();
        double mean = (test[0] + test[1] + test[2]) / 3;
        double squares = (test[0] - mean) * (test[0] - mean) + (test[1] - mean) * (test[1] - mean)
                         + (test[2] - mean) * (test[2] - mean);
        string sample = FormattableString.Invariant($"{mean:F4} ± {Math.Sqrt(squares / 2):F4}");       // n − 1
        string population = FormattableString.Invariant($"{mean:F4} ± {Math.Sqrt(squares / 3):F4}");   // n
        Assert.NotEqual(population, sample);   // the seeds spread enough for the two to differ at 4 decimals
        Assert.Equal(sample, ablation.Summary.Columns.GetStringColumn("test AUC")[0]);
    }

    [Fact]
    public void TheSampleStandardDeviationDividesByNMinusOne()
    {
        // 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, so √(5 / 3) (not √(5 / 4)).
        Assert.Equal(Math.Sqrt(5.0 / 3), MeanSd.SampleStandardDeviation([1.0, 2.0, 3.0, 4.0]), 12);
        Assert.Equal(0, MeanSd.SampleStandardDeviation([0.7]));
        Assert.Equal("2.50 ± 1.29", MeanSd.Format([1.0, 2.0, 3.0, 4.0], 2));
        Assert.Equal("0.7000", MeanSd.Format([0.7], 4));
        Assert.Equal("", MeanSd.Format(new double?[] { null }, 4));
    }

    // 30 users × 20 movies, 12 ratings each; a user likes a movie when their ids have the same parity.
    private static MovieLensFixture LearnableFixture(out MovieLens100k data)
    {
        var fixture = new MovieLensFixture();
        var random = new Random(5);
        fixture.UserLines.Clear();
        fixture.MovieLines.Clear();
        fixture.RatingLines.Clear();
        for (int user = 1; user <= 30; user++)
            fixture.UserLines.Add($"{user}|{18 + user % 40}|{(user % 3 == 0 ? "F" : "M")}|student|{user % 10}0000");
        for (int movie = 1; movie <= 20; movie++)
            fixture.MovieLines.Add(MovieLensFixture.Movie(movie, $"Movie {movie}", $"01-Jan-{1980 + movie}", movie % 2 == 0 ? "Drama" : "Comedy"));
        for (int user = 1; user <= 30; user++)
            foreach (int movie in Enumerable.Range(1, 20).OrderBy(_ => random.Next()).Take(12))
                fixture.RatingLines.Add($"{user}\t{movie}\t{(user % 2 == movie % 2 ? 5 : 2)}\t{880000000 + 3600 * movie}");
        data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        return fixture;
    }
}
