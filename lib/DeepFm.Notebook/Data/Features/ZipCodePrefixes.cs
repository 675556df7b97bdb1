namespace DeepFm.Notebook.Data;

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
