using System.Globalization;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Which of the fields the original tutorial leaves out <see cref="MovieLensFeatures.Build"/> adds. The default,
/// <see cref="None"/>, is the original's schema (five categorical fields and the title), which notebooks 01–05 use;
/// notebook 06 switches the others on, one by one and together.
/// <list type="bullet">
/// <item><see cref="Genres"/>: the movie's genres (u.item's 19 flags) as a bag, a dense field like the title;</item>
/// <item><see cref="ReleaseYear"/>: the release-year bucket (<see cref="ReleaseDates"/>, "unknown" when missing);</item>
/// <item><see cref="RatingYearMonth"/>, <see cref="RatingWeekday"/>, <see cref="RatingHour"/>: when the rating was
/// made (<see cref="RatingTimes"/>);</item>
/// <item><see cref="ZipPrefixDigits"/>: the first 1–5 digits of the user's zip code (<see cref="ZipCodePrefixes"/>,
/// "other" for non-US codes); 0 leaves the field out.</item>
/// </list>
/// The categorical ones are appended after the original five, in the order listed, so the original fields keep
/// their columns.
/// </summary>
public sealed record ExtraFields
{
    /// <summary>The movie's genres as a multi-hot bag.</summary>
    public bool Genres { get; init; }

    /// <summary>The release-year bucket of the movie.</summary>
    public bool ReleaseYear { get; init; }

    /// <summary>The year and month of the rating ("1997-11").</summary>
    public bool RatingYearMonth { get; init; }

    /// <summary>The weekday of the rating (UTC).</summary>
    public bool RatingWeekday { get; init; }

    /// <summary>The hour of the rating (UTC).</summary>
    public bool RatingHour { get; init; }

    /// <summary>How many leading digits of the zip code form the field (1–5); 0 leaves it out.</summary>
    public int ZipPrefixDigits { get; init; }

    /// <summary>The original tutorial's fields only.</summary>
    public static ExtraFields None { get; } = new();

    /// <summary>Every extra field, the zip code by its first digit.</summary>
    public static ExtraFields All { get; } = new()
    {
        Genres = true, ReleaseYear = true, RatingYearMonth = true, RatingWeekday = true, RatingHour = true, ZipPrefixDigits = 1,
    };

    /// <summary>True when nothing is added: the original schema.</summary>
    public bool IsNone => this == None;

    /// <summary>The names of the fields switched on, e.g. "movie_genres + movie_release_year".</summary>
    public override string ToString()
    {
        var names = new List<string>();
        if (Genres) names.Add(MovieLensColumns.MovieGenres);
        if (ReleaseYear) names.Add(MovieLensColumns.MovieReleaseYear);
        if (RatingYearMonth) names.Add(MovieLensColumns.RatingYearMonth);
        if (RatingWeekday) names.Add(MovieLensColumns.RatingWeekday);
        if (RatingHour) names.Add(MovieLensColumns.RatingHour);
        if (ZipPrefixDigits > 0) names.Add($"{MovieLensColumns.UserZipPrefix} ({ZipPrefixDigits} digit{(ZipPrefixDigits > 1 ? "s" : "")})");
        return names.Count == 0 ? "none" : string.Join(" + ", names);
    }

    /// <summary>Throws when <see cref="ZipPrefixDigits"/> is outside 0–5.</summary>
    public void Validate()
    {
        if (ZipPrefixDigits is < 0 or > 5)
            throw new ArgumentOutOfRangeException(nameof(ZipPrefixDigits), ZipPrefixDigits,
                "ExtraFields.ZipPrefixDigits must be 0 (no zip field) or 1 to 5 leading digits of a US ZIP code.");
    }
}

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

/// <summary>
/// A coarse "where does the user live" field from <c>u.user</c>'s zip code: its first digit(s). A US ZIP code's
/// first digit is one of ten national areas (0 = the north-east … 9 = the west coast), its first three digits a
/// sectional centre; 926 of the 943 users have a five-digit US code. The others are Canadian postal codes
/// ("T8H1N", "L9G2B"), which do not share this geography: they, and anything that is not a US code, go to the
/// explicit <see cref="Other"/> value rather than to a digit they do not mean.
/// </summary>
public static class ZipCodePrefixes
{
    /// <summary>The prefix of every zip code that is not a five-digit US code (ZIP+4 "12345-6789" counts as US).</summary>
    public const string Other = "other";

    /// <summary>
    /// The first <paramref name="digits"/> (1 to 5) digits of a US ZIP code, or <see cref="Other"/> for a missing,
    /// malformed or non-US code.
    /// </summary>
    public static string PrefixOf(string? zipCode, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 5);
        string code = zipCode?.Trim() ?? "";
        return IsUsZipCode(code) ? code[..digits] : Other;
    }

    /// <summary>True for five ASCII digits, optionally followed by "-" and four more (ZIP+4).</summary>
    public static bool IsUsZipCode(string code)
    {
        bool fiveDigits = code.Length >= 5 && code.AsSpan(0, 5).IndexOfAnyExceptInRange('0', '9') < 0;
        return fiveDigits && (code.Length == 5
            || (code.Length == 10 && code[5] == '-' && code.AsSpan(6).IndexOfAnyExceptInRange('0', '9') < 0));
    }

    /// <summary>
    /// The prefix vocabulary's values for the prefixes seen in <paramref name="zipCodes"/>: the observed prefixes
    /// in digit order, then always <see cref="Other"/> (so a non-US code met later still has its value).
    /// </summary>
    public static IReadOnlyList<string> VocabularyOf(IEnumerable<string> zipCodes, int digits) =>
        [.. zipCodes.Select(code => PrefixOf(code, digits)).Where(prefix => prefix != Other).Distinct()
            .Order(StringComparer.Ordinal), Other];
}

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

/// <summary>
/// Every movie's genres as a bag of ids, for the extended schema's genre field: a row-major [movies, Length]
/// matrix of bag ids (<see cref="BagIdOf"/>, 0 = padding) in movie_id vocabulary order, so the movie
/// index of a rating (its <c>movie_id</c> column) is also its row here. Genres belong to the movie, not to the
/// rating, so the model keeps this small table and looks a batch's bags up by movie, as the title could be.
/// </summary>
/// <param name="Ids">The bag ids, [movies, <paramref name="Length"/>] row-major.</param>
/// <param name="Length">The width of a bag: the most genres one movie has (6 in MovieLens-100k).</param>
public sealed record MovieGenreBags(long[] Ids, int Length)
{
    /// <summary>
    /// Bag id 0 is padding, so genre g is bag id g + 1: a movie's genres become a padded row of ids, the same layout
    /// as a title's tokens, and the model averages the embeddings of the non-padding ids.
    /// </summary>
    public const long PaddingId = 0;

    /// <summary>Size of the id space: padding plus the 19 genres.</summary>
    public int VocabularySize => MovieLensGenres.Count + 1;

    /// <summary>The bag id of genre index <paramref name="genre"/> (0 … 18).</summary>
    public static long BagIdOf(int genre) => genre + 1;

    /// <summary>The genre index (into <see cref="MovieLensGenres.Names"/>) of a non-padding bag id.</summary>
    public static int GenreOf(long bagId) => (int)bagId - 1;

    /// <summary>
    /// The bags of <paramref name="genresOfMovies"/> (genre indices per movie, as in <see cref="MovieTable.Genres"/>),
    /// one row per movie in the given order, padded with 0 to the largest number of genres of one movie
    /// (6 in MovieLens-100k).
    /// </summary>
    public static MovieGenreBags Encode(IReadOnlyList<IReadOnlyList<int>> genresOfMovies)
    {
        ArgumentNullException.ThrowIfNull(genresOfMovies);
        int length = Math.Max(1, genresOfMovies.Select(genres => genres.Count).DefaultIfEmpty(0).Max());
        var bags = new long[genresOfMovies.Count * length];
        for (int movie = 0; movie < genresOfMovies.Count; movie++)
        {
            IReadOnlyList<int> genres = genresOfMovies[movie];
            for (int i = 0; i < genres.Count; i++)
                bags[movie * length + i] = BagIdOf(genres[i]);
        }
        return new MovieGenreBags(bags, length);
    }

    /// <summary>Number of movies (rows).</summary>
    public int MovieCount => Ids.Length / Length;

    /// <summary>The bag of the movie with index <paramref name="movie"/>, padded with 0.</summary>
    public ReadOnlySpan<long> BagOf(int movie) => Ids.AsSpan(movie * Length, Length);
}

/// <summary>
/// The 19 genres of MovieLens-100k, in the order of <c>u.genre</c> and of the 19 flag columns at the end of each
/// <c>u.item</c> line ("unknown" is genre 0 and flags only movie 267, whose line is otherwise empty). A movie can
/// have several genres: 833 movies have one, 569 two, and one has six. TFDS keeps them as <c>movie_genres</c>, a list
/// of these indices per movie, and so does the data layer: <see cref="MovieTable.Genres"/> is the one per-movie record
/// of genres; the model's padded bags (<see cref="MovieGenreBags"/>) and the evaluation's lookup by movie id
/// (<c>Evaluation.MovieGenres</c>) are built from it.
/// </summary>
public static class MovieLensGenres
{
    /// <summary>The genre names; genre g is the g-th flag of a <c>u.item</c> line.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Number of genres (19).</summary>
    public static int Count => Names.Count;
}
