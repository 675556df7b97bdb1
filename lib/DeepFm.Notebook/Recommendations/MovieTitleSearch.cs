namespace DeepFm.Notebook.Recommendations;

/// <summary>
/// Finds a movie id from part of its title, case-insensitively, so that a notebook can write
/// <c>FindMovieId("Star Wars (1977)")</c> instead of looking up "50". A title equal to the text wins over titles
/// that merely contain it ("Heat (1995)" is not ambiguous with "White Heat (1949)").
/// </summary>
internal static class MovieTitleSearch
{
    private const int ListedCandidates = 10;

    /// <summary>The id of the one movie whose title is or contains <paramref name="titleFragment"/>.</summary>
    public static string FindMovieId(RatingsCatalog catalog, string titleFragment)
    {
        if (string.IsNullOrWhiteSpace(titleFragment))
            throw new ArgumentException("Give part of a movie title, for example \"Star Wars (1977)\".", nameof(titleFragment));

        string fragment = titleFragment.Trim();
        var containing = Enumerable.Range(0, catalog.Titles.Count)
            .Where(movie => catalog.Titles[movie].Contains(fragment, StringComparison.OrdinalIgnoreCase))
            .OrderBy(movie => catalog.MovieIds.Values[movie], Comparer<string>.Create(RatingsCatalog.CompareIds))
            .ToList();
        var exact = containing
            .Where(movie => string.Equals(catalog.Titles[movie], fragment, StringComparison.OrdinalIgnoreCase))
            .ToList();

        List<int> matches = exact.Count > 0 ? exact : containing;
        if (matches.Count == 1)
            return catalog.MovieIds.Values[matches[0]];
        if (matches.Count == 0)
            throw new ArgumentException(
                $"No movie title contains \"{fragment}\" (case ignored). Titles look like \"Star Wars (1977)\"; " +
                "try a shorter part, or search data.Movies.", nameof(titleFragment));

        var listed = matches.Take(ListedCandidates)
            .Select(movie => $"  {catalog.MovieIds.Values[movie]}: {catalog.Titles[movie]}");
        string more = matches.Count > ListedCandidates ? $"{Environment.NewLine}  … and {matches.Count - ListedCandidates} more" : "";
        throw new ArgumentException(
            $"\"{fragment}\" matches {matches.Count} movie titles; give more of the title (the year helps) or use one " +
            $"of these ids:{Environment.NewLine}{string.Join(Environment.NewLine, listed)}{more}", nameof(titleFragment));
    }
}
