using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Evaluation;

public class ModelComparisonTests
{
    private static readonly DeepFmOptions SmallDeepFm = DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] };
    private static readonly TrainerOptions FourEpochs =
        new() { Epochs = 4, ValidateEvery = 1, TrainBatchSize = 64, Threads = 1 };

    [Fact]
    public void TheTestScoreIsThatOfTheEpochChosenOnValidation()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);

        using var comparison = ModelComparison.Run(split, task, FourEpochs, [SmallDeepFm], seeds: [3], keepModels: true,
            cancellation: TestContext.Current.CancellationToken);

        ValidatedRun run = comparison.Results[0];
        // The epoch is the best of the validations, which are validation-split numbers, never test numbers.
        Assert.Equal(run.History!.Best!.Epoch, run.ChosenEpoch);
        Assert.Equal(run.History.Best.ValidationAuc, run.ValidationAuc);
        // Retrained from the same seed for exactly the chosen epochs, the model scores the same test AUC once.
        using var again = new DeepFmModel(features.Schema, SmallDeepFm, 3);
        using var trainer = new Trainer(again, FourEpochs with { Seed = 3, Epochs = run.ChosenEpoch!.Value });
        trainer.Fit(split.Train, split.Validation, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(trainer.Evaluate(split.Test, TestContext.Current.CancellationToken).Auc, run.TestAuc, 6);
        Assert.Equal(run.History.Best.ValidationAuc!.Value, trainer.Evaluate(split.Validation, TestContext.Current.CancellationToken).Auc, 6);
        Assert.Same(comparison.Models["DeepFM"], comparison.Models.Single().Value);
    }

    [Fact]
    public void EveryVariantAndSeedRunsAndTheBaselinesFollow()
    {
        using var data = GeneratedMovieLens.Load(out MovieLensFeatures features);
        var split = ValidationSplit.Create(features.Split(trainCount: 480, testCount: 120), 0.2);
        RankingTask task = RankingTask.Create(features, split.Source);
        var lines = new List<string>();

        using var comparison = ModelComparison.Run(split, task, FourEpochs with { Epochs = 2 },
            [DeepFmOptions.LogisticRegression, SmallDeepFm], seeds: [1, 2], progress: lines.Add,
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(["LR", "LR", "DeepFM", "DeepFM", "popularity", "random", "random"], comparison.Results.Select(run => run.Model));
        Assert.Equal(7, lines.Count);
        Assert.Empty(comparison.Models);   // not kept unless asked
        DataFrame summary = comparison.Summary;
        Assert.Equal(["LR", "DeepFM", "popularity", "random"], summary.Columns.GetStringColumn("model"));
        Assert.Contains(comparison.ChosenVariant, new[] { "LR", "DeepFM" });
        // "mean ± sample sd" of the two seeds: for two values the sample sd is |a − b| / √2.
        double[] aucs = comparison.Results.Where(run => run.Model == "DeepFM").Select(run => run.TestAuc).ToArray();
        string expected = FormattableString.Invariant($"{aucs.Average():F4} ± {Math.Abs(aucs[0] - aucs[1]) / Math.Sqrt(2):F4}");
        Assert.Equal(expected, summary.Columns.GetStringColumn("test_auc")[1]);
        Assert.Equal("", summary.Columns.GetStringColumn("chosen_epoch")[2]);   // a baseline has no epoch
        Assert.Equal(7, comparison.Runs.Rows.Count);
    }
}

/// <summary>
/// A MovieLens-format data set of 40 users × 30 movies and 600 ratings with a learnable pattern (users and movies
/// with even ids agree), written through <see cref="MovieLensFixture"/>.
/// </summary>
internal static class GeneratedMovieLens
{
    public static IDisposable Load(out MovieLensFeatures features)
    {
        var fixture = new MovieLensFixture();
        var random = new Random(11);
        fixture.UserLines.Clear();
        fixture.MovieLines.Clear();
        fixture.RatingLines.Clear();
        string[] occupations = ["technician", "other", "student", "writer"];
        for (int user = 1; user <= 40; user++)
            fixture.UserLines.Add($"{user}|{18 + user}|{(user % 2 == 0 ? "M" : "F")}|{occupations[user % 4]}|0000{user}");
        for (int movie = 1; movie <= 30; movie++)
            fixture.MovieLines.Add(MovieLensFixture.Movie(movie, $"Movie {movie} Part {movie % 3} (1990)"));
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < 600)
        {
            int user = random.Next(1, 41), movie = random.Next(1, 31);
            if (!pairs.Add((user, movie))) continue;
            int stars = (user + movie) % 2 == 0 ? random.Next(3, 6) : random.Next(1, 4);
            fixture.RatingLines.Add($"{user}\t{movie}\t{stars}\t{880000000 + pairs.Count}");
        }
        features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        return fixture;
    }
}
