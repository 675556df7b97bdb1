using DeepFm.Notebook.Data;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Recommendations;
using DeepFm.Notebook.Tests.Data;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Recommendations;

/// <summary>
/// The MovieLens fixture (4 users, 5 movies, 10 ratings) loaded, encoded, and paired with a small untrained model:
/// random weights are enough to check that the recommender feeds the model the right rows and ranks what it says.
/// </summary>
internal sealed class RecommenderTestData : IDisposable
{
    public static readonly DeepFmOptions SmallDeepFm = DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] };

    private readonly MovieLensFixture fixture;

    public RecommenderTestData(DeepFmOptions? options = null, Action<MovieLensFixture>? edit = null)
    {
        fixture = new MovieLensFixture();
        edit?.Invoke(fixture);
        Data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        Features = MovieLensFeatures.Build(Data);
        Model = new DeepFmModel(Features.Schema, options ?? SmallDeepFm, seed: 7);
        Recommender = new MovieRecommender(Model, Features, Data);
    }

    public MovieLens100k Data { get; }

    public MovieLensFeatures Features { get; }

    public DeepFmModel Model { get; }

    public MovieRecommender Recommender { get; }

    public static string[] Strings(DataFrame table, string column) =>
        table.Columns.GetStringColumn(column).Select(value => value!).ToArray();

    public static T[] Values<T>(DataFrame table, string column) where T : unmanaged =>
        ((PrimitiveDataFrameColumn<T>)table.Columns[column]).Select(value => value!.Value).ToArray();

    public void Dispose()
    {
        Model.Dispose();
        fixture.Dispose();
    }
}
