using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Reads <c>u.user</c> (<c>id|age|gender|occupation|zip code</c>, one user a line) into a <see cref="UserTable"/>.
/// <see cref="Read"/> gives the reader's DataFrame with the TFDS demographic features: user_id, raw_user_age,
/// user_gender, bucketized_user_age, user_occupation_label, user_occupation_text, user_zip_code (one row per user,
/// in file order).
/// </summary>
public static class UsersFileReader
{
    private const string Layout = "id|age|gender|occupation|zip code";

    /// <summary>The users DataFrame; a malformed line raises <see cref="MovieLensDataException"/> naming the line.</summary>
    public static DataFrame Read(MovieLensTextFile file) => ToDataFrame(ReadTable(file));

    /// <summary>The reader's view of a parsed table, with the TFDS column names.</summary>
    public static DataFrame ToDataFrame(UserTable users) => new(
        new StringDataFrameColumn(MovieLensColumns.UserId, users.Ids),
        DataFrameArrays.Single(MovieLensColumns.RawUserAge, users.Ages.Select(age => (float)age).ToArray()),
        DataFrameArrays.Boolean(MovieLensColumns.UserGender, users.IsMale),
        DataFrameArrays.Single(MovieLensColumns.BucketizedUserAge, users.AgeBuckets.Select(bucket => (float)bucket).ToArray()),
        DataFrameArrays.Int64(MovieLensColumns.UserOccupationLabel, users.OccupationLabels),
        new StringDataFrameColumn(MovieLensColumns.UserOccupationText, users.Occupations),
        new StringDataFrameColumn(MovieLensColumns.UserZipCode, users.ZipCodes));

    /// <summary>Parses the file; a malformed line raises <see cref="MovieLensDataException"/> naming the line.</summary>
    public static UserTable ReadTable(MovieLensTextFile file)
    {
        var ids = new List<string>();
        var ages = new List<int>();
        var genders = new List<bool>();
        var ageBuckets = new List<int>();
        var occupationLabels = new List<long>();
        var occupations = new List<string>();
        var zipCodes = new List<string>();
        var seen = new HashSet<string>();
        foreach ((int number, string line) in file.Lines())
        {
            string[] fields = file.Fields(number, line, '|', 5, Layout);
            string id = fields[0];
            file.Integer(number, id, "user id");
            if (!seen.Add(id))
            {
                throw MovieLensDataException.AtLine(file.Name, number, $"user id {id} appears a second time");
            }
            int age = file.Integer(number, fields[1], "age");
            bool isMale = fields[2] switch
            {
                "M" => true,
                "F" => false,
                _ => throw MovieLensDataException.AtLine(file.Name, number, $"gender \"{fields[2]}\" is neither M nor F"),
            };
            int label = OccupationLabels.LabelOf(fields[3]) ?? throw MovieLensDataException.AtLine(file.Name, number,
                $"occupation \"{fields[3]}\" is not one of the 21 MovieLens-100k occupations "
                + $"({string.Join(", ", OccupationLabels.LabelNameOfOccupation.Keys)})");
            ids.Add(id);
            ages.Add(age);
            genders.Add(isMale);
            ageBuckets.Add(AgeBuckets.Bucketize(age));
            occupationLabels.Add(label);
            occupations.Add(fields[3]);
            zipCodes.Add(fields[4]);
        }
        return new UserTable([.. ids], [.. ages], [.. genders], [.. ageBuckets], [.. occupationLabels], [.. occupations], [.. zipCodes]);
    }
}
