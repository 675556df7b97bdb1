using System.Text.Json.Nodes;
using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Plots;
using Plotly.NET;
using TorchSharp;

namespace DeepFm.Notebook.Tests.Evaluation;

public class PredictionExplanationTests
{
    private static readonly DeepFmOptions SmallDeepFm = DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] };

    [Fact]
    public void ThePartsAddUpToTheModelsLogitAndThePairsToTheFmPart()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        using var model = new DeepFmModel(features.Schema, SmallDeepFm, seed: 5);

        // User "2" never rated movie "20": the explanation works for unseen pairs, as recommendations need.
        PredictionExplanation explained = PredictionExplanation.Explain(model, features, "2", "20");

        // The same (user, movie) row through the model's forward.
        long[] row = features.Ratings.CategoricalRow(2).ToArray();   // row 2 of u.data is user 2
        row[features.Schema.MovieIdField] = features.MovieIds.IndexOf("20");
        long[] title = features.Ratings.TitleTokensOf(5).ToArray();   // row 5 of u.data is movie 20
        model.eval();
        using var logit = model.call(torch.tensor(row, 1, row.Length), torch.tensor(title, 1, title.Length));
        Assert.Equal(logit.item<float>(), explained.Logit, 5);
        Assert.NotNull(explained.FirstOrder);
        Assert.NotNull(explained.Dnn);
        // Σ_{i<j} ⟨v_i, v_j⟩ of the matrix is the FM identity's ½[(Σv)² − Σv²].
        Assert.Equal(explained.Fm!.Value, explained.InteractionSum(), 5);
        Assert.Equal(features.Schema.DenseFieldNames, explained.FieldNames);
        Assert.Equal(1 / (1 + Math.Exp(-explained.Logit)), explained.Probability, 12);
    }

    [Fact]
    public void EachCellIsTheDotProductOfTwoFieldVectors()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        using var model = new DeepFmModel(features.Schema, SmallDeepFm, seed: 5);
        PredictionExplanation explained = PredictionExplanation.Explain(model, features, "1", "4");

        // user_id × movie_id by hand: the two rows of the shared table.
        float[] userVector = model.FieldEmbeddings!.TableOf(features.Schema.UserIdField)[features.UserIds.IndexOf("1")].data<float>().ToArray();
        float[] movieVector = model.FieldEmbeddings.TableOf(features.Schema.MovieIdField)[features.MovieIds.IndexOf("4")].data<float>().ToArray();
        double dot = userVector.Zip(movieVector).Sum(pair => (double)pair.First * pair.Second);
        int user = features.Schema.UserIdField, movie = features.Schema.MovieIdField;
        Assert.Equal(dot, explained.Interactions![user, movie], 5);
        Assert.Equal(explained.Interactions[user, movie], explained.Interactions[movie, user]);
        Assert.Equal(15, explained.PairsTable().Rows.Count);   // 6 fields: 6·5/2 pairs
        Assert.Equal(["first order", "FM (pairwise)", "DNN", "logit (sum)", "P(rating ≥ 4)"],
            explained.PartsTable().Columns.GetStringColumn("part"));
    }

    [Fact]
    public void LogisticRegressionHasOnlyAFirstOrderPart()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.LogisticRegression, seed: 5);
        PredictionExplanation explained = PredictionExplanation.Explain(model, features, "1", "4");
        Assert.Null(explained.Interactions);
        Assert.Null(explained.Fm);
        Assert.Equal(explained.FirstOrder, explained.Logit);
        Assert.Throws<ArgumentException>(() => ExplanationCharts.FieldInteractions(explained));
        Assert.Throws<ArgumentException>(() => PredictionExplanation.Explain(model, features, "999", "4"));
    }

    [Fact]
    public void TheHeatmapShowsTheUpperTriangleCentredOnZero()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        using var model = new DeepFmModel(features.Schema, SmallDeepFm, seed: 5);
        PredictionExplanation explained = PredictionExplanation.Explain(model, features, "1", "4");

        var trace = JsonNode.Parse(GenericChart.toJson(ExplanationCharts.FieldInteractions(explained)))!["data"]![0]!;

        Assert.Equal(0.0, (double)trace["zmid"]!);
        // Rows are drawn bottom-up: the last z row is field 0 (user_id), whose cells j > 0 hold ⟨v_0, v_j⟩.
        JsonArray top = trace["z"]![5]!.AsArray();
        Assert.Null(top[0]);
        Assert.Equal(explained.Interactions![0, 4], (double)top[4]!, 9);
        double drawn = trace["z"]!.AsArray().SelectMany(zRow => zRow!.AsArray()).Where(cell => cell is not null).Sum(cell => (double)cell!);
        Assert.Equal(explained.InteractionSum(), drawn, 9);   // the drawn cells add up to the FM logit
    }
}
