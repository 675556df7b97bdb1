namespace DeepFm.Notebook.Data;

/// <summary>
/// <c>u.user</c> as parsed, one entry per user in file order: what the features are built from (the DataFrame
/// <see cref="MovieLens100k.Users"/> is the reader's view of the same rows).
/// </summary>
/// <param name="Ids">The user ids as written ("196").</param>
/// <param name="Ages">The exact ages.</param>
/// <param name="IsMale">True for "M", false for "F" (TFDS' user_gender).</param>
/// <param name="AgeBuckets">The TFDS age buckets (see <see cref="Data.AgeBuckets"/>).</param>
/// <param name="OccupationLabels">The TFDS occupation label indices (see <see cref="Data.OccupationLabels"/>).</param>
/// <param name="Occupations">The raw occupations ("technician").</param>
/// <param name="ZipCodes">The zip codes as written: US five-digit codes, and a few Canadian postal codes ("T8H1N").</param>
public sealed record UserTable(string[] Ids, int[] Ages, bool[] IsMale, int[] AgeBuckets, long[] OccupationLabels,
    string[] Occupations, string[] ZipCodes)
{
    /// <summary>Number of users.</summary>
    public int Count => Ids.Length;
}
