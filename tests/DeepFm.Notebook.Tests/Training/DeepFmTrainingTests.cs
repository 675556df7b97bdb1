using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// DeepFM trained end to end: briefly on a generated MovieLens-format fixture (fast tier), and on the original's full
/// schedule on the real MovieLens-100k in OriginalScheduleHeavyTests (heavy tier, run by CI).
/// </summary>
public class DeepFmTrainingTests
{
    [Fact]
    public void LossFallsOnALearnableFixture()
    {
        using var fixture = new MovieLensFixture();
        var split = LearnableSplit(fixture);
        using var model = new DeepFmModel(split.Train.Schema, DeepFmOptions.DeepFm, seed: 42);
        var options = new TrainerOptions { Epochs = 30, TrainBatchSize = 64, TestBatchSize = 300, ValidateEvery = 10, Threads = 1 };

        TrainingHistory history = Trainer.Fit(model, split.Train, split.Test, options, cancellation: TestContext.Current.CancellationToken);

        Assert.True(history.Last!.TrainLoss < 0.8 * history.Epochs[0].TrainLoss,
            $"train loss {history.Epochs[0].TrainLoss:F4} → {history.Last.TrainLoss:F4}");
        Assert.True(history.LastValidated!.ValidationLoss < history.Epochs.First(e => e.ValidationLoss is not null).ValidationLoss);
        Assert.True(history.LastValidated.ValidationAuc > 0.9, $"test AUC {history.LastValidated.ValidationAuc:F4}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DeepFmTrainsToAnIdenticalHistoryWithTheSameSeedAndThreads(int threads)
    {
        using var fixture = new MovieLensFixture();
        var split = LearnableSplit(fixture);
        var options = new TrainerOptions { Epochs = 4, TrainBatchSize = 64, TestBatchSize = 300, ValidateEvery = 2, Threads = threads };

        TrainingHistory Run()
        {
            using var model = new DeepFmModel(split.Train.Schema, DeepFmOptions.DeepFm, seed: 42);
            return Trainer.Fit(model, split.Train, split.Test, options, cancellation: TestContext.Current.CancellationToken);
        }

        Assert.Equal(Run().Epochs, Run().Epochs); // record equality: every double bit for bit
    }

    // 60 users × 40 movies, 25 ratings each; a user likes a movie when their ids have the same parity, so the
    // label depends on a user × movie interaction that only the embedding parts can learn.
    private static TrainTestSplit LearnableSplit(MovieLensFixture fixture)
    {
        var random = new Random(3);
        fixture.UserLines.Clear();
        fixture.MovieLines.Clear();
        fixture.RatingLines.Clear();
        for (int user = 1; user <= 60; user++)
            fixture.UserLines.Add($"{user}|{18 + user % 40}|{(user % 3 == 0 ? "F" : "M")}|student|00000");
        for (int movie = 1; movie <= 40; movie++)
            fixture.MovieLines.Add(MovieLensFixture.Movie(movie, $"Movie number {movie} ({1980 + movie % 20})"));
        for (int user = 1; user <= 60; user++)
            foreach (int movie in Enumerable.Range(1, 40).OrderBy(_ => random.Next()).Take(25))
                fixture.RatingLines.Add($"{user}\t{movie}\t{(user % 2 == movie % 2 ? 5 : 2)}\t880000000");

        var features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        return features.Split(trainCount: 1_200, testCount: 300, seed: 42);
    }
}
