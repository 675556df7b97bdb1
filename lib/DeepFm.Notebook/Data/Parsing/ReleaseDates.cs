using System.Globalization;

namespace DeepFm.Notebook.Data;

/// <summary>
/// The release dates of <c>u.item</c> ("01-Jan-1995", day-month-year with an English month abbreviation) and the
/// year buckets the extended schema uses. One movie (267, "unknown") has no date: a missing date is not an error,
/// it goes to the explicit <see cref="UnknownLabel"/> bucket. A date that is present but unreadable is an error.
/// </summary>
public static class ReleaseDates
{
    /// <summary>The layouts of a <c>u.item</c> release date: "01-Jan-1995", and one movie's "4-Feb-1971".</summary>
    public static IReadOnlyList<string> Formats { get; } = ["dd-MMM-yyyy", "d-MMM-yyyy"];

    /// <summary>The bucket of a movie without a release date.</summary>
    public const string UnknownLabel = "unknown";

    /// <summary>
    /// Bucket starts: everything before 1940 together, then decades up to the 1980s, then one bucket per year from
    /// 1990 (three quarters of the 1,682 movies came out in 1993–1998, so single years there still hold 65–355
    /// movies each, while a decade of old films holds 20–90). A year belongs to the largest start ≤ it.
    /// </summary>
    public static IReadOnlyList<int> BucketStarts { get; } =
        [1940, 1950, 1960, 1970, 1980, 1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998];

    /// <summary>
    /// Every bucket label in a fixed order, "unknown" first: the release-year vocabulary, the same whatever the
    /// data holds, so a missing date always has its bucket.
    /// </summary>
    public static IReadOnlyList<string> BucketLabels { get; } =
        [UnknownLabel, "before 1940", .. BucketStarts.Select(LabelOfStart)];

    /// <summary>
    /// Parses a release date field: empty (after trimming) is a missing date and gives null; anything else must
    /// be a date in one of the <see cref="Formats"/>, or the result is false.
    /// </summary>
    public static bool TryParse(string field, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(field))
            return true;
        if (!DateOnly.TryParseExact(field.Trim(), [.. Formats], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
            return false;
        date = parsed;
        return true;
    }

    /// <summary>The bucket label of a release date; null gives <see cref="UnknownLabel"/>.</summary>
    public static string BucketOf(DateOnly? date)
    {
        if (date is not DateOnly known)
            return UnknownLabel;
        int start = -1;
        foreach (int candidate in BucketStarts)
        {
            if (known.Year < candidate)
                break;
            start = candidate;
        }
        return start < 0 ? "before 1940" : LabelOfStart(start);
    }

    // Decades read "1950s"; from 1990 each bucket is one year ("1995"), the last one open-ended ("1998+").
    private static string LabelOfStart(int start) =>
        start < 1990 ? $"{start}s"
        : start == BucketStarts[^1] ? $"{start}+"
        : start.ToString(CultureInfo.InvariantCulture);
}
