using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepFm.NotebookScripts;

/// <summary>
/// The taught code's single source (d2l's <c>#@save</c>): a code cell whose first line is
/// <c>// @save Folder/File.cs</c> is copied into <c>lib/DeepFm.Notebook/Folder/File.cs</c>, so the class a notebook
/// teaches is the class the library compiles. The cell's leading <c>using</c> lines go to the top of the file, then
/// <c>namespace DeepFm.Notebook.Folder;</c>, then the rest of the cell's text, unchanged; several cells of one
/// notebook may feed one file, in reading order.
/// </summary>
public static class LibraryCells
{
    /// <summary>How a cell marks itself for the library: its first line is this, then the file's path.</summary>
    public const string Marker = "// @save ";

    /// <summary>The library the saved cells go into, relative to the repository root.</summary>
    public const string LibraryFolder = "lib/DeepFm.Notebook";

    private const string RootNamespace = "DeepFm.Notebook";
    private const string HeaderStart = "// Generated from ";

    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    /// <summary>One saved cell: where it comes from and the file it goes into.</summary>
    private sealed record SavedCell(NotebookSource Notebook, NotebookCell Cell, string Target, IReadOnlyList<string> Usings,
        string Body);

    /// <summary>Every generated library file, by its path relative to the root ('/'), with its text.</summary>
    /// <exception cref="NotebookTranslationException">A marker or a saved cell that cannot become library code.</exception>
    public static IReadOnlyDictionary<string, string> GenerateAll(string repositoryRoot)
    {
        var saved = new List<SavedCell>();
        foreach (string path in Directory.GetFiles(Path.Combine(repositoryRoot, ScriptGenerator.NotebooksFolder), "*.ipynb")
                     .Order(StringComparer.Ordinal))
        {
            var notebook = NotebookSource.Read(path, $"{ScriptGenerator.NotebooksFolder}/{Path.GetFileName(path)}");
            saved.AddRange(notebook.Cells.Where(cell => cell.Kind == "code").Select(cell => Read(notebook, cell))
                .OfType<SavedCell>());
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in saved.GroupBy(cell => cell.Target, StringComparer.Ordinal))
        {
            var notebooks = group.Select(cell => cell.Notebook.RelativePath).Distinct().ToList();
            if (notebooks.Count > 1)
                throw NotebookTranslationException.InCell(group.Last().Notebook.RelativePath, group.Last().Cell,
                    $"'{Marker}{group.Key}' is also saved by {notebooks[0]}: a library file is taught in one notebook. " +
                    "Save this cell to a file of its own.");
            files[$"{LibraryFolder}/{group.Key}"] = FileText(group.Key, group.ToList());
        }
        return files;
    }

    /// <summary>Writes every generated file and deletes generated files whose cells are gone; returns what changed.</summary>
    public static IReadOnlyList<string> WriteAll(string repositoryRoot)
    {
        var files = GenerateAll(repositoryRoot);
        var changed = Differences(repositoryRoot, files);
        foreach (var (relative, text) in files)
        {
            string path = Path.Combine(repositoryRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        foreach (string stale in StaleFiles(repositoryRoot, files))
            File.Delete(Path.Combine(repositoryRoot, stale));
        return changed;
    }

    /// <summary>The generated files (relative paths) that are missing, differ from their cells, or lost their cells.</summary>
    public static IReadOnlyList<string> Differences(string repositoryRoot, IReadOnlyDictionary<string, string>? files = null)
    {
        files ??= GenerateAll(repositoryRoot);
        return files
            .Where(file => !File.Exists(Path.Combine(repositoryRoot, file.Key)) ||
                           File.ReadAllText(Path.Combine(repositoryRoot, file.Key)).ReplaceLineEndings("\n") != file.Value)
            .Select(file => file.Key)
            .Concat(StaleFiles(repositoryRoot, files))
            .ToList();
    }

    /// <summary>The cell's text as the library holds it: the cell without its marker line and leading usings.</summary>
    /// <returns>Null when the cell is not marked for the library.</returns>
    /// <exception cref="NotebookTranslationException">A bad path after the marker, or code a library file cannot hold.</exception>
    private static SavedCell? Read(NotebookSource notebook, NotebookCell cell)
    {
        string[] lines = cell.Source.Split('\n');
        if (!lines[0].StartsWith(Marker.TrimEnd(), StringComparison.Ordinal))
            return null;
        string target = lines[0][Marker.TrimEnd().Length..].Trim();
        if (!IsLibraryPath(target))
            throw NotebookTranslationException.InCell(notebook.RelativePath, cell,
                $"'{lines[0].Trim()}' needs a path inside {LibraryFolder}, such as '{Marker}Model/FactorizationMachine.cs' " +
                "(a folder, then a .cs file name; '/' between them).");

        int first = 1;
        var usings = new List<string>();
        for (; first < lines.Length; first++)
        {
            string line = lines[first].Trim();
            if (line.StartsWith("using ", StringComparison.Ordinal) && line.EndsWith(';'))
                usings.Add(line);
            else if (line.Length > 0)
                break;
        }
        string body = string.Join('\n', lines[first..]).TrimEnd();
        if (body.Length == 0)
            throw NotebookTranslationException.InCell(notebook.RelativePath, cell, $"'{lines[0].Trim()}' saves an empty cell.");

        var tree = CSharpSyntaxTree.ParseText(body, ScriptOptions);
        var error = tree.GetDiagnostics().FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        if (error is not null)
            throw NotebookTranslationException.InCell(notebook.RelativePath, cell,
                $"C# syntax error at line {error.Location.GetLineSpan().StartLinePosition.Line + first + 1}: {error.GetMessage()}");
        var root = tree.GetCompilationUnitRoot();
        var notAType = root.Members.FirstOrDefault(member => member is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax));
        if (notAType is not null || root.Usings.Count > 0 || root.DescendantTrivia().Any(trivia =>
                trivia.IsKind(SyntaxKind.ReferenceDirectiveTrivia) || trivia.IsKind(SyntaxKind.LoadDirectiveTrivia)))
            throw NotebookTranslationException.InCell(notebook.RelativePath, cell,
                $"a cell saved to the library holds only its leading 'using' lines and type declarations; " +
                $"'{(notAType?.ToString() ?? "a #r, #load or later using").Split('\n')[0].Trim()}' is neither. " +
                "Move it to a cell of its own.");
        return new SavedCell(notebook, cell, target, usings, body);
    }

    private static bool IsLibraryPath(string target)
    {
        string[] parts = target.Split('/');
        return parts.Length >= 2 && target.EndsWith(".cs", StringComparison.Ordinal) && parts.All(part =>
            part.Length > 0 && part != "." && part != ".." && part.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-'));
    }

    private static string FileText(string target, IReadOnlyList<SavedCell> cells)
    {
        string folder = target[..target.LastIndexOf('/')];
        var text = new StringBuilder();
        text.Append($"{HeaderStart}{cells[0].Notebook.RelativePath} (its cells that start with '{Marker}{target}')\n");
        text.Append($"// by `{ScriptGenerator.Command}`: edit the notebook, then regenerate (a test fails while they differ).\n");
        var usings = cells.SelectMany(cell => cell.Usings).Distinct(StringComparer.Ordinal).ToList();
        if (usings.Count > 0)
            text.Append('\n').Append(string.Join('\n', usings)).Append('\n');
        text.Append($"\nnamespace {RootNamespace}.{folder.Replace('/', '.')};\n");
        foreach (var cell in cells)
            text.Append('\n').Append(cell.Body).Append('\n');
        return text.ToString();
    }

    // A generated file whose cells are gone (marker removed, path renamed) would compile on, out of date.
    private static IEnumerable<string> StaleFiles(string repositoryRoot, IReadOnlyDictionary<string, string> files)
    {
        string library = Path.Combine(repositoryRoot, LibraryFolder);
        if (!Directory.Exists(library))
            return [];
        return Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !files.ContainsKey(relative) && IsGenerated(Path.Combine(repositoryRoot, relative)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.StartsWith(HeaderStart + ScriptGenerator.NotebooksFolder + "/", StringComparison.Ordinal) == true;
    }
}
