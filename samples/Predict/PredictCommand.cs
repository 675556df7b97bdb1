using System.Globalization;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Hosting;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Recommendations;
using DeepFm.Notebook.Training;
using Microsoft.Data.Analysis;

namespace DeepFm.Samples.Predict;

/// <summary>
/// What a .NET program needs to use the model notebook 04 trained: the data (for the vocabularies the model was
/// trained with), a freshly built model of the same shape, the saved weights loaded into it, and a recommender.
/// </summary>
public static class PredictCommand
{
    /// <summary>Where notebook 04 saves its weights, relative to the repository root.</summary>
    public const string DefaultCheckpoint = "artifacts/deepfm-movielens100k.bin";

    /// <summary>
    /// Prints the <paramref name="top"/> movies <paramref name="userId"/> has not rated, with P(4 or 5 stars), to
    /// <paramref name="output"/>; returns 0, or 1 with the reason on <paramref name="error"/> when something is missing.
    /// </summary>
    public static int Run(string checkpointPath, string? dataPath, string userId, int top, TextWriter output, TextWriter error)
    {
        if (!File.Exists(checkpointPath))
        {
            error.WriteLine($"No checkpoint at {checkpointPath}. This sample trains nothing: run notebook 04 first, which "
                + $"saves {DefaultCheckpoint} (from the repository root: dotnet run -c Release --project "
                + "tools/RunNotebooks -- 04), or pass --checkpoint with the path of one.");
            return 1;
        }
        if (top <= 0)
        {
            error.WriteLine($"--top must be a positive number of movies, got {top}.");
            return 1;
        }
        TorchSharpNative.MakeLoadable();   // Debian 12 and other systems whose libstdc++ is older than TorchSharp's
        try
        {
            var movieLens = MovieLens100k.Load(dataPath);
            var features = MovieLensFeatures.Build(movieLens);
            var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm, seed: 0);   // the weights are replaced
            ModelCheckpoint.Load(model, checkpointPath);
            DataFrame movies = new MovieRecommender(model, features, movieLens).Recommend(userId, top);

            output.WriteLine($"User {userId}: the {movies.Rows.Count} movies they have not rated that DeepFM rates highest");
            output.WriteLine("rank  P(4-5 stars)  movie");
            for (int row = 0; row < movies.Rows.Count; row++)
            {
                var score = (float)movies["score"][row]!;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{movies["rank"][row],4}  {score,12:F4}  {movies[MovieLensColumns.MovieTitle][row]}"));
            }
            return 0;
        }
        catch (Exception problem) when (problem is MovieLensDataException or InvalidDataException or ArgumentException
                                            or FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine(problem.Message);
            return 1;
        }
    }
}
