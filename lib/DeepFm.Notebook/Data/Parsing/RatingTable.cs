namespace DeepFm.Notebook.Data;

/// <summary>
/// <c>u.data</c> as parsed, one entry per rating in file order (entry r is line r + 1): what the features are built
/// from (the DataFrame <see cref="MovieLens100k.Ratings"/> is the reader's view, joined with users and movies).
/// </summary>
/// <param name="UserIds">Who rated, as written in <c>u.user</c>.</param>
/// <param name="MovieIds">Which movie, as written in <c>u.item</c>.</param>
/// <param name="Stars">The rating, 1 to 5 stars.</param>
/// <param name="Timestamps">When, in seconds since 1970-01-01 UTC (see <see cref="RatingTimes"/>).</param>
public sealed record RatingTable(string[] UserIds, string[] MovieIds, float[] Stars, long[] Timestamps)
{
    /// <summary>Number of ratings.</summary>
    public int Count => UserIds.Length;

    /// <summary>
    /// The label of every rating, the task's one rule (the original's): 1 when the user gave 4 or 5 stars
    /// (stars &gt; 3), else 0.
    /// </summary>
    public float[] Labels() => Stars.Select(stars => stars > 3 ? 1f : 0f).ToArray();
}
