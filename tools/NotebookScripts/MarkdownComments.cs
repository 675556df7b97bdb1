using Microsoft.CodeAnalysis.CSharp;

namespace DeepFm.NotebookScripts;

/// <summary>
/// A markdown cell as script text: every line becomes a <c>//</c> comment, so the script reads as the tutorial, and
/// every heading (<c># …</c> to <c>###### …</c>, outside fenced code) becomes <c>Section("## …");</c>, printed as
/// the run reaches it.
/// </summary>
public static class MarkdownComments
{
    /// <summary>The method a script calls to print a heading (<c>using static ScriptOutput</c>).</summary>
    public const string SectionMethod = "Section";

    /// <summary>The script lines for <paramref name="markdown"/>, joined with \n.</summary>
    public static string Translate(string markdown)
    {
        var lines = new List<string>();
        string? fence = null;
        bool afterHeading = false;
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd();
            string trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
                fence = trimmed[..3];
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
                fence = null;
            else if (fence is null && IsHeading(line))
            {
                // A blank line before a heading inside a cell, instead of an empty comment line.
                while (lines.Count > 0 && lines[^1] == "//")
                    lines.RemoveAt(lines.Count - 1);
                if (lines.Count > 0)
                    lines.Add("");
                // A Roslyn-made literal: quotes and backslashes in a heading stay text.
                lines.Add($"{SectionMethod}({SyntaxFactory.Literal(line.Trim())});");
                afterHeading = true;
                continue;
            }
            if (afterHeading && line.Length == 0)
                continue;   // the heading's own blank line: Section prints one
            afterHeading = false;
            lines.Add(line.Length == 0 ? "//" : "// " + line);
        }
        while (lines.Count > 0 && lines[^1] == "//")
            lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines);
    }

    /// <summary>An ATX heading: 1–6 '#' at the line start (up to 3 spaces in), then a space or the line's end.</summary>
    public static bool IsHeading(string line)
    {
        string withoutIndent = line.TrimStart(' ');
        if (line.Length - withoutIndent.Length > 3) return false;
        int hashes = withoutIndent.TakeWhile(character => character == '#').Count();
        return hashes is >= 1 and <= 6 && (withoutIndent.Length == hashes || withoutIndent[hashes] == ' ');
    }
}
