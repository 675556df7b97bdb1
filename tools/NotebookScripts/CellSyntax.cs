using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepFm.NotebookScripts;

/// <summary>
/// A code cell parsed by the C# compiler's parser, as .NET Interactive compiles it: as script code
/// (<see cref="SourceCodeKind.Script"/>), where a cell may end in an expression without a semicolon (the value the
/// cell displays) and may hold <c>#r</c> and <c>#load</c> directives.
/// </summary>
/// <remarks>
/// Lines that start with <c>#!</c> are .NET Interactive magic commands, not C#: <c>#!csharp</c> (or <c>#!c#</c>)
/// starts a new submission in the same C# kernel, and is the only one a C# file can follow; any other one is an
/// error that names it. Each submission is parsed on its own, as the kernel compiles it.
/// </remarks>
public static class CellSyntax
{
    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static readonly HashSet<string> SubmissionSeparators = ["#!csharp", "#!c#"];

    /// <summary>The cell's submissions, parsed.</summary>
    /// <exception cref="NotebookTranslationException">A magic command other than #!csharp, or a syntax error.</exception>
    public static IReadOnlyList<CompilationUnitSyntax> Parse(string notebook, NotebookCell cell)
    {
        if (cell.Kernel != NotebookSource.CSharpKernel)
            throw NotebookTranslationException.InCell(notebook, cell,
                $"the cell runs in the '{cell.Kernel}' kernel; a C# file can only hold C# cells.");
        var submissions = new List<List<string>> { new() };
        foreach (string line in cell.Source.Split('\n'))
        {
            string trimmed = line.Trim();
            if (!trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                submissions[^1].Add(line);
                continue;
            }
            string magic = trimmed.Split(' ', 2)[0];
            if (!SubmissionSeparators.Contains(magic))
                throw NotebookTranslationException.InCell(notebook, cell,
                    $"the magic command '{magic}' has no equivalent in a C# file. Remove it from the notebook, or teach " +
                    "tools/NotebookScripts/CellSyntax.cs what it becomes.");
            submissions.Add([]);
        }

        var parsed = new List<CompilationUnitSyntax>();
        foreach (var lines in submissions.Where(lines => lines.Any(line => line.Trim().Length > 0)))
        {
            var tree = CSharpSyntaxTree.ParseText(string.Join('\n', lines), ScriptOptions);
            var error = tree.GetDiagnostics().FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            if (error is not null)
                throw NotebookTranslationException.InCell(notebook, cell,
                    $"C# syntax error at line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: {error.GetMessage()}");
            parsed.Add(tree.GetCompilationUnitRoot());
        }
        return parsed;
    }

    /// <summary>
    /// The package a <c>#r "nuget: Name, Version"</c> directive asks for, or null when the directive references a
    /// file (<c>#r "path/to/X.dll"</c>).
    /// </summary>
    /// <exception cref="NotebookTranslationException">A package without a version: a script pins every package.</exception>
    public static PackageReference? PackageOf(string notebook, NotebookCell cell, ReferenceDirectiveTriviaSyntax directive)
    {
        string reference = directive.File.ValueText;
        const string scheme = "nuget:";
        if (!reference.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        string[] parts = reference[scheme.Length..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw NotebookTranslationException.InCell(notebook, cell,
                $"'#r \"{reference}\"' does not pin a version; write '#r \"nuget: Name, 1.2.3\"' (every package is pinned).");
        return new PackageReference(parts[0], parts[1]);
    }
}

/// <summary>A NuGet package at a pinned version.</summary>
public sealed record PackageReference(string Id, string Version);
