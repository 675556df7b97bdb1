using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// A value a notebook cell displays, as text for a terminal, showing what the notebook's default display shows:
/// text and numbers as they are, a sequence one item a line, and an object whose <c>ToString</c> says nothing more
/// than its properties (a record, a plain class) as a two-column table of its public properties.
/// </summary>
public static class ConsoleValue
{
    private const int MaxItems = 100;

    /// <summary>The text for <paramref name="value"/>, without a trailing line break.</summary>
    public static string Format(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => Lines(sequence),
        _ when ShowsItsProperties(value.GetType()) => Properties(value),
        _ => value.ToString() ?? "",
    };

    private static string Lines(IEnumerable sequence)
    {
        var lines = new List<string>();
        int count = 0;
        foreach (object? item in sequence)
        {
            if (count++ < MaxItems)
                lines.Add(Inline(item));
        }
        if (count > MaxItems)
            lines.Add($"… {count - MaxItems:N0} more ({count:N0} in all)");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Properties(object value)
    {
        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)
            .Where(property => property.Name != "EqualityContract")
            .ToList();
        int width = properties.Select(property => property.Name.Length).DefaultIfEmpty(0).Max();
        var text = new StringBuilder(value.GetType().Name);
        foreach (var property in properties)
            text.AppendLine().Append("  ").Append(property.Name.PadRight(width)).Append("  ")
                .Append(Inline(property.GetValue(value)));
        return text.ToString();
    }

    // One line for a value inside a sequence or a property table (a nested sequence in brackets).
    private static string Inline(object? value) => (value switch
    {
        null => "<null>",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => "[" + string.Join(", ", sequence.Cast<object?>().Take(MaxItems).Select(Inline)) + "]",
        _ => value.ToString() ?? "",
    }).ReplaceLineEndings(" ");

    /// <summary>
    /// True when the type's text is only its properties: a record (whose generated <c>ToString</c> lists them on one
    /// line) or a class that keeps <see cref="object.ToString"/>. A type that writes its own <c>ToString</c> is shown
    /// by it, as the notebooks show it.
    /// </summary>
    private static bool ShowsItsProperties(Type type)
    {
        bool isRecord = type.GetMethod("<Clone>$") is not null;
        var toString = type.GetMethod(nameof(ToString), Type.EmptyTypes);
        bool ownText = toString is not null && toString.DeclaringType != typeof(object) &&
                       toString.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null;
        return isRecord ? !ownText : !ownText && !type.IsPrimitive;
    }
}
