using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Data;

namespace DeepFm.Notebook.Tests.Evaluation;

/// <summary>Top-k selection, the ranking task built from the MovieLens fixture, and the means over its users.</summary>
public class TopKMetricsTests
{
    [Fact]
    public void TopKTakesTheHighestScoresAndBreaksTiesByTheLowerItem()
    {
        int[] items = [10, 11, 12, 13, 14];
        float[] scores = [0.2f, 0.9f, 0.5f, 0.9f, 0.1f];
        Assert.Equal([11, 13, 12], TopKMetrics.TopK(items, scores, 3));
        Assert.Equal([11, 13, 12, 10, 14], TopKMetrics.TopK(items, scores, 10));   // fewer items than k
        Assert.Equal([11, 13], TopKMetrics.TopK([13, 11], [1f, 1f], 2));             // ties by item, not position
    }

    [Fact]
    public void TheTaskRanksUnseenMoviesAndCountsTestRatingsOfFourOrMoreAsRelevant()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        // Fixture rows (u.data order): user 2 rated 1 (4★, row 2), 3 (1★, row 3) and 4 (4★, row 9);
        // user 10 rated 1 (3★, row 6), 2 (4★, row 7) and 4 (5★, row 8).
        int[] trainingRows = [0, 1, 2, 4, 5, 6], testRows = [3, 7, 8, 9];

        RankingTask task = RankingTask.Create(features, trainingRows, testRows);

        // User 2: trained on movie 1; tested on 3 (1★, a miss) and 4 (4★, relevant). User 10: trained on 1; tested
        // on 2 and 4 (both relevant). Candidates are every movie the user did not rate in training.
        Assert.Equal(["10", "2"], task.Users.Select(user => features.UserIds.Values[user.User]));
        RankingUser user10 = task.Users[0], user2 = task.Users[1];
        Assert.Equal(["2", "20", "3", "4"], user2.Candidates.Select(movie => features.MovieIds.Values[movie]));
        Assert.Equal(["4"], user2.Relevant.Select(movie => features.MovieIds.Values[movie]));
        Assert.Equal(["2", "4"], user10.Relevant.Select(movie => features.MovieIds.Values[movie]).Order());
        // Training likes (4–5★ in the training rows): movie 1 twice (rows 0 and 2), movie 4 once (row 4).
        Assert.Equal(2, task.TrainingLikes[features.MovieIds.IndexOf("1")]);
        Assert.Equal(1, task.TrainingLikes[features.MovieIds.IndexOf("4")]);
        Assert.Equal(4 + 4, task.CandidateCount);
    }

    [Fact]
    public void ScoresAreTheMeansOverUsersOfThePerUserMetrics()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        RankingTask task = RankingTask.Create(features, [0, 1, 2, 4, 5, 6], [3, 7, 8, 9]);
        int Movie(string id) => features.MovieIds.IndexOf(id);
        // User 10 (candidates 2, 20, 3, 4; relevant 2 and 4): scores put 4 first, 2 last → top 2 = [4, 20].
        // User 2 (candidates 2, 20, 3, 4; relevant 4): 4 first → top 2 = [4, 20].
        float[] Scores(RankingUser user) => user.Candidates.Select(movie => movie == Movie("4") ? 9f : movie == Movie("2") ? 0f : 5f - movie * 0.1f).ToArray();

        TopKMetrics scores = TopKMetrics.Evaluate(task, task.Users.Select(Scores).ToList(), k: 2);

        // precision@2: user 10 1/2, user 2 1/2 → 0.5; recall@2: 1/2 and 1/1 → 0.75
        // NDCG@2: user 10 1 / (1 + 1/log2 3) = 0.6131471928, user 2 1 → 0.8065735964
        // AP@2: user 10 (1/1) / min(2, 2) = 0.5, user 2 1 → 0.75
        Assert.Equal(2, scores.Users);
        Assert.Equal(0.5, scores.Precision, 12);
        Assert.Equal(0.75, scores.Recall, 12);
        Assert.Equal((0.6131471927654584 + 1) / 2, scores.Ndcg, 12);
        Assert.Equal(0.75, scores.Map, 12);
    }

    [Fact]
    public void TheModelScorerGivesTheModelsLogitForEveryCandidateRow()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        RankingTask task = RankingTask.Create(features, [0, 1, 2, 4, 5, 6], [3, 7, 8, 9]);
        using var model = new DeepFmModel(features.Schema, DeepFmOptions.DeepFm with { EmbeddingDimension = 4, HiddenUnits = [8] }, 3);

        float[][] batched = CandidateScores.Model(model, task, batchRows: 3);   // smaller than one user: one user per batch
        float[][] together = CandidateScores.Model(model, task);

        RankingUser user = task.Users[1];
        long[] row = task.CategoricalRowOf(user.User).ToArray();
        row[task.MovieField] = user.Candidates[2];
        using var logit = model.call(TorchSharp.torch.tensor(row, 1, row.Length),
            TorchSharp.torch.tensor(task.TitleTokensOf(user.Candidates[2]).ToArray(), 1, features.Schema.TitleLength));
        Assert.Equal(logit.item<float>(), together[1][2], 5);
        Assert.Equal(together.SelectMany(scores => scores), batched.SelectMany(scores => scores));
        Assert.True(model.training);   // left as found
    }

    [Fact]
    public void PopularityScoresTrainingLikesAndRandomIsSeeded()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        RankingTask task = RankingTask.Create(features, [0, 1, 2, 4, 5, 6], [3, 7, 8, 9]);
        float[][] popularity = CandidateScores.Popularity(task);
        Assert.Equal(task.Users[0].Candidates.Select(movie => (float)task.TrainingLikes[movie]), popularity[0]);
        Assert.Equal(CandidateScores.Random(task, 5).SelectMany(s => s), CandidateScores.Random(task, 5).SelectMany(s => s));
        Assert.NotEqual(CandidateScores.Random(task, 5).SelectMany(s => s), CandidateScores.Random(task, 6).SelectMany(s => s));
    }
}

/// <summary>The MovieLens fixture (4 users, 5 movies, 10 ratings) loaded and encoded.</summary>
internal static class FixtureFeatures
{
    public static IDisposable Load(out MovieLensFeatures features)
    {
        var fixture = new MovieLensFixture();
        features = MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
        return fixture;
    }
}
