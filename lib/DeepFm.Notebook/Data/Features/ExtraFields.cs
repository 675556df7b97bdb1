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
