using System.Globalization;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Recommendations;
using DeepFm.Notebook.Tests.Data;
using DeepFm.Notebook.Tests.Training;
using DeepFm.Notebook.Training;
using DeepFm.Samples.Predict;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Samples;

/// <summary>
/// samples/Predict, the console take-away of notebook 04: it must predict with the weights in the checkpoint it is
/// given (not with a freshly initialised model), on the real MovieLens-100k, and say how to get a checkpoint when
/// there is none.
/// </summary>
public sealed class PredictSampleTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "deepfm-predict-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void PrintsTheSavedModelsTopMoviesForTheUser()
    {
        string dataPath = RealMovieLensData.ZipPath();
        var movieLens = MovieLens100k.Load(dataPath);
        var features = MovieLensFeatures.Build(movieLens);
        // One short epoch makes weights that no seed of a fresh model reproduces; the sample must read them.
        using var trained = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 11);
        var split = features.Split();
        Trainer.Fit(trained, split.Train, split.Test, new TrainerOptions { Epochs = 1, Threads = 1 },
            cancellation: TestContext.Current.CancellationToken);
        string checkpoint = Path.Combine(folder, "model.bin");
        ModelCheckpoint.Save(trained, checkpoint);
        DataFrame expected = new MovieRecommender(trained, features, movieLens).Recommend("42", k: 3);

        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = PredictCommand.Run(checkpoint, dataPath, userId: "42", top: 3, output, error);

        Assert.True(exitCode == 0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(2 + 3, lines.Count);   // a title line, a header line, one line per movie
        for (int row = 0; row < 3; row++)
        {
            string score = ((float)expected["score"][row]!).ToString("F4", CultureInfo.InvariantCulture);
            Assert.Equal($"{row + 1,4}  {score,12}  {expected[MovieLensColumns.MovieTitle][row]}", lines[2 + row]);
        }
    }

    [Fact]
    public void WithoutACheckpointItSaysHowToMakeOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = PredictCommand.Run(Path.Combine(folder, "missing.bin"), dataPath: null, userId: "1", top: 5, output, error);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Contains("missing.bin", error.ToString());
        Assert.Contains("run notebook 04", error.ToString());
        Assert.Contains("tools/RunNotebooks -- 04", error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
