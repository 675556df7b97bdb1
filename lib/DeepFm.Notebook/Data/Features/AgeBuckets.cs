namespace DeepFm.Notebook.Data;

/// <summary>
/// TFDS' <c>bucketized_user_age</c>: MovieLens-100k records exact ages, TFDS replaces each by the largest of the
/// bucket boundaries 1, 18, 25, 35, 45, 50, 56 that does not exceed it (the same ranges MovieLens-1M reports), so
/// 17 → 1, 18 → 18, 24 → 18, 56 → 56, 73 → 56.
/// Source: tensorflow/datasets, <c>tensorflow_datasets/structured/movielens_parsing.py</c>,
/// <c>parse_100k_ratings_data</c> (<c>age_thresholds_list = [18, 25, 35, 45, 50, 56]</c>, starting from 1).
/// </summary>
public static class AgeBuckets
{
    /// <summary>The bucket boundaries in increasing order; every age maps to one of them.</summary>
    public static IReadOnlyList<int> Boundaries { get; } = [1, 18, 25, 35, 45, 50, 56];

    /// <summary>The largest boundary ≤ <paramref name="age"/>; ages below 18 (including 0) fall in bucket 1.</summary>
    public static int Bucketize(int age)
    {
        int bucket = Boundaries[0];
        foreach (int boundary in Boundaries)
        {
            if (age < boundary)
            {
                break;
            }
            bucket = boundary;
        }
        return bucket;
    }
}
