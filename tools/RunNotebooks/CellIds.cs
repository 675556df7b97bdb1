using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Cell ids, required by nbformat 4.5 (nbconvert warns that their absence will become an error): every cell gets a
/// unique <c>id</c>. Existing ids are kept, so a re-run does not churn them; a cell without one, or with an invalid
/// or repeated one, gets a new random id as Jupyter makes them (8 hexadecimal characters).
/// </summary>
public static partial class CellIds
{
    /// <summary>
    /// Makes <paramref name="notebook"/> nbformat 4.5 with a valid, unique id on every cell; returns how many ids
    /// were added or replaced. The id is placed where Jupyter puts it (keys in alphabetical order).
    /// </summary>
    public static int Ensure(JsonObject notebook)
    {
        notebook["nbformat"] = 4;
        if ((int?)notebook["nbformat_minor"] is not >= 5)
            notebook["nbformat_minor"] = 5;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var cell in notebook["cells"]!.AsArray().OfType<JsonObject>())
        {
            var id = cell["id"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
            if (id is not null && ValidId().IsMatch(id) && seen.Add(id))
                continue;
            do id = Guid.NewGuid().ToString("N")[..8];
            while (!seen.Add(id));
            SetInKeyOrder(cell, "id", id);
            changed++;
        }
        return changed;
    }

    /// <summary>True when every cell has a valid id and no two share one.</summary>
    public static bool AreValid(JsonObject notebook)
    {
        var ids = notebook["cells"]!.AsArray()
            .Select(cell => cell?["id"] is JsonValue value && value.TryGetValue(out string? text) ? text : null)
            .ToList();
        return ids.All(id => id is not null && ValidId().IsMatch(id)) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count;
    }

    // Jupyter writes cell keys sorted (cell_type, execution_count, id, metadata, outputs, source); keep that order.
    private static void SetInKeyOrder(JsonObject cell, string key, string value)
    {
        cell.Remove(key);
        var index = 0;
        while (index < cell.Count && string.CompareOrdinal(cell.GetAt(index).Key, key) < 0)
            index++;
        cell.Insert(index, key, value);
    }

    // nbformat 4.5's schema: 1 to 64 letters, digits, '-' or '_'.
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
