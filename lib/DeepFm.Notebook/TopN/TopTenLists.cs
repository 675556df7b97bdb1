using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Recommendations;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// Several models' top-k lists for one user of a <see cref="RankingTask"/>, side by side: one column per model,
/// one row per rank, each cell a movie title, marked "✓" when the user went on to rate it 4–5 stars in the test
/// split (a relevant movie: a hit).
/// </summary>
public static class TopTenLists
{
    /// <summary>The mark of a movie the user went on to like.</summary>
    public const string HitMark = "✓ ";

    /// <summary>
    /// Columns <c>rank</c> and one per entry of <paramref name="scorers"/> (name → its scores for every task user,
    /// aligned with the candidates, as <see cref="TopKMetrics.Evaluate"/> takes them).
    /// </summary>
    public static DataFrame SideBySide(RankingTask task, MovieLensFeatures features, MovieLens100k data, string userId,
        IReadOnlyList<(string Name, float[][] Scores)> scorers, int k = TopKMetrics.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(scorers);
        var catalog = new RatingsCatalog(features, data);
        int user = catalog.RequireUser(userId);
        int position = task.Users.ToList().FindIndex(candidate => candidate.User == user);
        if (position < 0)
            throw new ArgumentException(
                $"User {userId} has no test rating of 4–5 stars, so the task does not rank for them; pick another user.", nameof(userId));
        RankingUser ranked = task.Users[position];
        var columns = new List<DataFrameColumn> { new PrimitiveDataFrameColumn<int>("rank", Enumerable.Range(1, k)) };
        foreach ((string name, float[][] scores) in scorers)
        {
            int[] top = TopKMetrics.TopK(ranked.Candidates, scores[position], k);
            columns.Add(new StringDataFrameColumn(name, Enumerable.Range(0, k).Select(rank => rank < top.Length
                ? (ranked.Relevant.Contains(top[rank]) ? HitMark : "") + catalog.Titles[top[rank]]
                : "")));
        }
        return new DataFrame(columns);
    }
}
