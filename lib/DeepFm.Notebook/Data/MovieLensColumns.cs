namespace DeepFm.Notebook.Data;

/// <summary>
/// Column names of the MovieLens DataFrames: the TFDS <c>movielens/100k-ratings</c> feature names, so code written
/// against the TensorFlow tutorial reads the same here, plus <see cref="Label"/>.
/// </summary>
public static class MovieLensColumns
{
    /// <summary>string: the user id as written in the files ("196").</summary>
    public const string UserId = "user_id";

    /// <summary>bool: true for a man ("M"), false for a woman ("F"), as TFDS encodes it.</summary>
    public const string UserGender = "user_gender";

    /// <summary>float: the age bucket 1, 18, 25, 35, 45, 50 or 56 (see <see cref="AgeBuckets"/>).</summary>
    public const string BucketizedUserAge = "bucketized_user_age";

    /// <summary>float: the exact age from <c>u.user</c>.</summary>
    public const string RawUserAge = "raw_user_age";

    /// <summary>long: the TFDS occupation class label, an index into <see cref="OccupationLabels.Names"/>.</summary>
    public const string UserOccupationLabel = "user_occupation_label";

    /// <summary>string: the raw MovieLens-100k occupation ("technician").</summary>
    public const string UserOccupationText = "user_occupation_text";

    /// <summary>string: the zip code from <c>u.user</c>.</summary>
    public const string UserZipCode = "user_zip_code";

    /// <summary>string: the movie id as written in the files ("242").</summary>
    public const string MovieId = "movie_id";

    /// <summary>string: the title with its year, "Toy Story (1995)", decoded from Latin-1.</summary>
    public const string MovieTitle = "movie_title";

    /// <summary>float: the star rating 1 to 5.</summary>
    public const string UserRating = "user_rating";

    /// <summary>long: seconds since 1970-01-01 UTC.</summary>
    public const string Timestamp = "timestamp";

    /// <summary>float: 1 when <see cref="UserRating"/> &gt; 3 (the user liked the movie), else 0.</summary>
    public const string Label = "label";

    /// <summary>Extended schema: the movie's genres, a bag of <see cref="MovieLensGenres"/> (TFDS' name).</summary>
    public const string MovieGenres = "movie_genres";

    /// <summary>Extended schema: the release-year bucket (<see cref="ReleaseDates"/>).</summary>
    public const string MovieReleaseYear = "movie_release_year";

    /// <summary>Extended schema: the rating's year and month, "1997-11" (<see cref="RatingTimes"/>).</summary>
    public const string RatingYearMonth = "rating_year_month";

    /// <summary>Extended schema: the rating's weekday, "Mon" … "Sun" (UTC).</summary>
    public const string RatingWeekday = "rating_weekday";

    /// <summary>Extended schema: the rating's hour of the day, 0 … 23 (UTC).</summary>
    public const string RatingHour = "rating_hour";

    /// <summary>Extended schema: the leading digits of the user's zip code, or "other" (<see cref="ZipCodePrefixes"/>).</summary>
    public const string UserZipPrefix = "user_zip_prefix";

    /// <summary>The five categorical DeepFM fields, in the order of <see cref="FeatureBatch.Categorical"/>.</summary>
    public static IReadOnlyList<string> CategoricalFields { get; } =
        [UserId, UserGender, BucketizedUserAge, UserOccupationLabel, MovieId];
}
