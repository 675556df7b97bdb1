using System.Text;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;
using TorchSharp;

namespace DeepFm.Notebook.Tests.Evaluation;

public class GenreAgreementTests
{
    // u.genre positions: 1 Action, 5 Comedy, 8 Drama, 15 Sci-Fi.
    private static string Movie(int id, string title, params int[] genres) =>
        $"{id}|{title}|01-Jan-1995||http://us.imdb.com/M/title-exact?{id}|" +
        string.Join('|', Enumerable.Range(0, 19).Select(genre => genres.Contains(genre) ? "1" : "0"));

    private static readonly string[] MovieLines =
    [
        Movie(1, "Toy Story (1995)", 1),          // Action
        Movie(2, "Schindler's List (1993)", 8),   // Drama
        Movie(3, "Metisse (1993)", 5),            // Comedy
        Movie(4, "Star Wars (1977)", 1, 15),      // Action, Sci-Fi
        Movie(20, "Cold Fever (1994)", 8),        // Drama
    ];

    [Fact]
    public void GenresAreReadFromTheFlagsOfUItem()
    {
        var file = new MovieLensTextFile("u.item", Encoding.Latin1.GetBytes(string.Join('\n', MovieLines) + "\n"));
        MovieGenres genres = MovieGenres.Read(file);
        Assert.Equal(5, genres.Count);
        Assert.Equal(["Action", "Sci-Fi"], genres.Of("4"));
        Assert.True(genres.ShareAGenre("1", "4"));
        Assert.False(genres.ShareAGenre("2", "3"));
        Assert.Throws<ArgumentException>(() => genres.MaskOf("99"));
        var truncated = new MovieLensTextFile("u.item", Encoding.Latin1.GetBytes("1|Toy Story (1995)|01-Jan-1995||url|0|1\n"));
        Assert.Throws<MovieLensDataException>(() => MovieGenres.Read(truncated));
    }

    [Fact]
    public void NeighboursAreComparedWithAllPairsOnGenreAndLikeRate()
    {
        using var fixture = new MovieLensFixture();
        fixture.MovieLines.Clear();
        fixture.MovieLines.AddRange(MovieLines);
        var data = MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder()));
        var features = MovieLensFeatures.Build(data);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] }, 1);
        // Embeddings: 1 and 4 point the same way, 2 and 3 too, and 20 leans to 2 and 3 alike (cosine 0.6 with both).
        var vectors = new Dictionary<string, float[]>
        {
            ["1"] = [1, 0, 0, 0], ["4"] = [2, 0, 0, 0], ["2"] = [0, 1, 0, 0], ["3"] = [0, 1, 0, 0], ["20"] = [0, 0.6f, 0.8f, 0],
        };
        using var table = model.FieldEmbeddings!.TableOf(features.Schema.MovieIdField);   // a view into the model
        using (torch.no_grad())
        {
            foreach (var (id, vector) in vectors) table[features.MovieIds.IndexOf(id)].copy_(torch.tensor(vector));
        }

        GenreAgreement measured = GenreAgreement.Measure(model, features, MovieGenres.Load(data), k: 1, minimumRatings: 0);

        // Nearest neighbours: 1→4 (Action: shared), 4→1 (shared), 2→3 (Drama/Comedy: no), 3→2 (no), 20→2 (tie with 3,
        // the lower movie index wins; Drama: shared) → 3 of 5. All 20 ordered pairs: (1,4), (4,1), (2,20), (20,2) share → 0.2.
        Assert.Equal(5, measured.Movies);
        Assert.Equal(0.6, measured.NeighbourGenreShare, 12);
        Assert.Equal(0.2, measured.RandomPairGenreShare, 12);
        // Like rates (share of 4–5★): 1 → 2/3, 2 → 1/2, 3 → 0, 4 → 1, 20 → 0.
        // Neighbour gaps 1/3, 1/3, 1/2, 1/2, 1/2 → 13/30; the 10 pairs' gaps sum to 16/3 → mean 8/15.
        Assert.Equal(13.0 / 30, measured.NeighbourLikeRateGap, 6);
        Assert.Equal(8.0 / 15, measured.RandomPairLikeRateGap, 6);

        // The same vectors as a displacement from a start: a model whose table is `start`, and the measured model
        // moved to start + vector, give the same neighbours when measured relative to that start.
        using var startModel = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] }, 2);
        using var startTable = startModel.FieldEmbeddings!.TableOf(features.Schema.MovieIdField);
        using (torch.no_grad())
        {
            startTable.fill_(0.0625);   // a power of two small enough that start + vector − start is exact in float32
            table.add_(startTable);
        }
        GenreAgreement moved = GenreAgreement.Measure(model, features, MovieGenres.Load(data), k: 1, minimumRatings: 0, initial: startModel);
        Assert.Equal(measured with { Model = moved.Model }, moved);
        Assert.Equal("DeepFM (change from its start)", moved.Model);

        var shown = GenreAgreement.Table([measured]);
        Assert.Equal(["DeepFM: top-1 neighbours", "random pairs"], shown.Columns.GetStringColumn("embeddings"));
        Assert.Throws<ArgumentException>(() => GenreAgreement.Measure(model, features, MovieGenres.Load(data), k: 10, minimumRatings: 0));
    }
}
