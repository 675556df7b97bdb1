using DeepFm.Notebook.Data;
using DeepFm.Notebook.Experiments;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>Notebook 06's ablation on a small learnable fixture: every recipe × seed runs once, the table adds up.</summary>
[Collection(TorchTrainingCollection.Name)]
public class AblationTests
{
    [Fact]
    public void EachRecipeRunsForEachSeedAndTheSummaryComparesWithTheFirst()
    {
        // 30 users × 20 movies, 12 ratings each; a user likes a movie when their ids have the same parity.
        using var fixture = new MovieLensFixture();
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
        var data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));

        var model = DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] };
        var adagrad = new TrainerOptions { Epochs = 3, TrainBatchSize = 32, ValidateEvery = 1, Threads = 1 };
        var adamW = adagrad with { Optimizer = OptimizerKind.AdamW, LearningRate = 0.01, WeightDecay = 1 };
        Recipe[] recipes =
        [
            new("baseline", ExtraFields.None, model, adagrad),
            new("AdamW + all fields", ExtraFields.All, model, adamW),
        ];
        var lines = new List<string>();
        Ablation ablation = Ablation.Run(data, recipes, [1, 2], lines.Add, trainCount: 300, testCount: 60,
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(4, ablation.Runs.Count);
        Assert.Equal(4, lines.Count);
        Assert.All(ablation.Runs, run => Assert.InRange(run.ChosenEpoch, 1, 3));
        Assert.All(ablation.Runs, run => Assert.InRange(run.TestAuc, 0, 1));
        Assert.Equal("AdamW lr 0.01, weight decay 1, up to 3 epochs", recipes[1].TrainingDescription);

        DataFrame summary = ablation.Summary;
        Assert.Equal(["baseline", "AdamW + all fields"], summary.Columns.GetStringColumn("recipe"));
        Assert.Equal("0.0000", summary.Columns.GetStringColumn("vs baseline")[0]);
        double baselineMean = ablation.Runs.Take(2).Average(run => run.TestAuc);
        double allFieldsMean = ablation.Runs.Skip(2).Average(run => run.TestAuc);
        Assert.Equal((allFieldsMean - baselineMean).ToString("+0.0000;-0.0000;0.0000"), summary.Columns.GetStringColumn("vs baseline")[1]);
        Assert.Equal(4, ablation.RunTable.Rows.Count);
    }
}
