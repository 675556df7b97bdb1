using System.Globalization;

namespace DeepFm.Notebook.Data;

/// <summary>
/// When a rating was made, from <c>u.data</c>'s timestamp (seconds since 1970-01-01 UTC), as three categorical
/// values: the year and month ("1997-11"), the weekday ("Sat") and the hour of the day (0–23). MovieLens-100k's
/// ratings span 20 September 1997 to 22 April 1998, so the year-month takes eight values. Everything is in UTC:
/// the data says nothing about the users' time zones (most are in the US, five to eight hours behind UTC).
/// </summary>
public static class RatingTimes
{
    /// <summary>The largest timestamp a date can hold: 9999-12-31 23:59:59 UTC.</summary>
    public static readonly long MaxTimestamp = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The weekday vocabulary, Monday first (ISO 8601 order).</summary>
    public static IReadOnlyList<string> WeekdayLabels { get; } = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>The hour vocabulary, 0 to 23.</summary>
    public static IReadOnlyList<int> Hours { get; } = Enumerable.Range(0, 24).ToArray();

    /// <summary>True when <paramref name="timestamp"/> is a time from 1970 to the year 9999.</summary>
    public static bool IsValid(long timestamp) => timestamp >= 0 && timestamp <= MaxTimestamp;

    /// <summary>The UTC time of a timestamp; throws for one outside 1970 … 9999 (the reader rejects those first).</summary>
    public static DateTime UtcTimeOf(long timestamp) => IsValid(timestamp)
        ? DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime
        : throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp,
            "A rating timestamp counts seconds since 1970-01-01 UTC and must lie between 1970 and 9999.");

    /// <summary>The year and month, "1997-11".</summary>
    public static string YearMonthOf(long timestamp) => UtcTimeOf(timestamp).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The weekday, "Mon" … "Sun".</summary>
    public static string WeekdayOf(long timestamp) => WeekdayLabels[((int)UtcTimeOf(timestamp).DayOfWeek + 6) % 7];

    /// <summary>The hour of the day in UTC, 0 … 23.</summary>
    public static int HourOf(long timestamp) => UtcTimeOf(timestamp).Hour;
}
