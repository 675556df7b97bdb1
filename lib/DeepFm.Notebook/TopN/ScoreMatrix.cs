using DeepFm.Notebook.Evaluation;
using DeepFm.Notebook.Metrics;
using static TorchSharp.torch;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// A score for every (user, movie) pair, float32 [users, movies] row-major: what EASE and item-kNN compute in one
/// matrix product. <see cref="ForTask"/> hands a <see cref="RankingTask"/> the scores of its candidates, in the form
/// <see cref="TopKMetrics.Evaluate"/> takes from every scorer.
/// </summary>
public sealed class ScoreMatrix
{
    private readonly float[] scores;

    /// <summary>Wraps <paramref name="scores"/> (not copied), row-major [<paramref name="users"/>, <paramref name="movies"/>].</summary>
    public ScoreMatrix(int users, int movies, float[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Length != users * movies)
            throw new ArgumentException($"{scores.Length} scores for {users} users × {movies} movies.", nameof(scores));
        UserCount = users;
        MovieCount = movies;
        this.scores = scores;
    }

    /// <summary>Rows: users.</summary>
    public int UserCount { get; }

    /// <summary>Columns: movies.</summary>
    public int MovieCount { get; }

    /// <summary>The score of <paramref name="movie"/> for <paramref name="user"/>.</summary>
    public float Of(int user, int movie) => scores[user * MovieCount + movie];

    /// <summary>Copies a float tensor [users, movies] (any float type) into a score matrix.</summary>
    public static ScoreMatrix FromTensor(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.dim() != 2)
            throw new ArgumentException($"Expected a [users, movies] matrix, got shape [{string.Join(", ", matrix.shape)}].", nameof(matrix));
        using Tensor asFloat = matrix.to_type(ScalarType.Float32).contiguous();
        return new ScoreMatrix((int)matrix.shape[0], (int)matrix.shape[1], asFloat.data<float>().ToArray());
    }

    /// <summary>One array per <see cref="RankingTask.Users"/> entry, aligned with its candidates.</summary>
    public float[][] ForTask(RankingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Users.Select(user => user.Candidates.Select(movie => Of(user.User, movie)).ToArray()).ToArray();
    }

    /// <summary>
    /// AUC of these scores over rated pairs (for example the test ratings): does the score put a 4–5 star rating
    /// above a 1–3 star one? The same number <see cref="ValidatedRun.TestAuc"/> holds for the rating models.
    /// </summary>
    public double Auc(Data.EncodedRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int userField = ratings.Schema.UserIdField, movieField = ratings.Schema.MovieIdField;
        var rowScores = new float[ratings.Count];
        for (int row = 0; row < ratings.Count; row++)
        {
            ReadOnlySpan<long> categorical = ratings.CategoricalRow(row);
            rowScores[row] = Of((int)categorical[userField], (int)categorical[movieField]);
        }
        return RocAuc.Compute(rowScores, ratings.Labels);
    }
}
