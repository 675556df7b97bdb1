using System.Text;

namespace DeepFm.NotebookScripts;

/// <summary>
/// Turns every <c>notebooks/NN-name.ipynb</c> into <c>scripts/NN-name.cs</c>, a C# file-based app that
/// <c>dotnet run scripts/NN-name.cs</c> runs: the notebook's text as comments, its headings printed, its code as
/// top-level statements, its displayed values shown in a terminal (<c>ScriptOutput</c> in the Hosting library).
/// </summary>
public static class ScriptGenerator
{
    /// <summary>The command that regenerates the scripts; the check and the test print it.</summary>
    public const string Command = "dotnet run --project tools/NotebookScripts";

    /// <summary>The folder of the generated scripts, relative to the repository root.</summary>
    public const string ScriptsFolder = "scripts";

    /// <summary>The folder of the notebooks, relative to the repository root.</summary>
    public const string NotebooksFolder = "notebooks";

    private const string Host = "DeepFm.Notebook.Hosting.ScriptOutput";

    /// <summary>Every script, by its path relative to the root ('/'), with its text.</summary>
    public static IReadOnlyDictionary<string, string> GenerateAll(string repositoryRoot)
    {
        var scripts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.GetFiles(Path.Combine(repositoryRoot, NotebooksFolder), "*.ipynb").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            var notebook = NotebookSource.Read(path, $"{NotebooksFolder}/{name}.ipynb");
            scripts[$"{ScriptsFolder}/{name}.cs"] = Generate(notebook, name, repositoryRoot);
        }
        return scripts;
    }

    /// <summary>Writes every script; returns the paths written (relative to the root) whose text changed.</summary>
    public static IReadOnlyList<string> WriteAll(string repositoryRoot)
    {
        var scripts = GenerateAll(repositoryRoot);
        var changed = Differences(repositoryRoot, scripts);
        Directory.CreateDirectory(Path.Combine(repositoryRoot, ScriptsFolder));
        foreach (var (relative, text) in scripts)
            File.WriteAllText(Path.Combine(repositoryRoot, relative), text, new UTF8Encoding(false));
        foreach (string stale in StaleScripts(repositoryRoot, scripts))
            File.Delete(Path.Combine(repositoryRoot, stale));
        return changed;
    }

    /// <summary>The scripts (relative paths) that are missing, differ from their notebook, or have no notebook.</summary>
    public static IReadOnlyList<string> Differences(string repositoryRoot, IReadOnlyDictionary<string, string>? scripts = null)
    {
        scripts ??= GenerateAll(repositoryRoot);
        var differences = scripts
            .Where(script => !File.Exists(Path.Combine(repositoryRoot, script.Key)) ||
                             File.ReadAllText(Path.Combine(repositoryRoot, script.Key)).ReplaceLineEndings("\n") != script.Value)
            .Select(script => script.Key)
            .Concat(StaleScripts(repositoryRoot, scripts));
        return differences.ToList();
    }

    // A script whose notebook is gone (renamed, removed) would run forever out of date.
    private static IEnumerable<string> StaleScripts(string repositoryRoot, IReadOnlyDictionary<string, string> scripts)
    {
        string folder = Path.Combine(repositoryRoot, ScriptsFolder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(path => $"{ScriptsFolder}/{Path.GetFileName(path)}")
                .Where(relative => !scripts.ContainsKey(relative)).Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>The script for <paramref name="notebook"/>, named <paramref name="name"/>.</summary>
    public static string Generate(NotebookSource notebook, string name, string repositoryRoot)
    {
        var codeCells = notebook.Cells.Where(cell => cell.Kind == "code").ToList();
        if (codeCells.Count == 0)
            throw new NotebookTranslationException($"{notebook.RelativePath}: no code cell, so no set-up cell.");
        var setupCell = codeCells[0];
        var setup = SetupCell.Read(notebook.RelativePath, setupCell, repositoryRoot);

        var usings = new List<string>();
        var packages = new List<PackageReference>(setup.Packages);
        var types = new List<string>();
        var declaredIn = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        var body = new List<string>();
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case "markdown":
                    body.Add(MarkdownComments.Translate(cell.Source));
                    break;
                case "raw":
                    body.Add(string.Join('\n', cell.Source.Split('\n').Select(line => ("// " + line).TrimEnd())));
                    break;
                case "code" when cell == setupCell:
                    body.Add(StartCall(name));
                    break;
                case "code":
                    var code = CodeCell.Translate(notebook.RelativePath, cell);
                    foreach (string declared in code.DeclaredNames)
                    {
                        if (declaredIn.TryGetValue(declared, out var first))
                            throw NotebookTranslationException.InCell(notebook.RelativePath, cell,
                                $"'{declared}' is declared again (first in cell {first.Number}). A notebook may re-declare a " +
                                "variable in a later cell, a C# file may not: give one of them another name in the notebook.");
                        declaredIn[declared] = cell;
                    }
                    usings.AddRange(code.Usings.Where(directive => !usings.Contains(directive)));
                    packages.AddRange(code.Packages.Where(package => !packages.Contains(package)));
                    types.AddRange(code.Types);
                    if (code.Statements.Length > 0)
                        body.Add(code.Statements);
                    break;
                default:
                    throw NotebookTranslationException.InCell(notebook.RelativePath, cell,
                        $"unknown cell type '{cell.Kind}' (expected code, markdown or raw).");
            }
        }

        var script = new StringBuilder();
        foreach (string line in Header(notebook, name, packages, setup.Projects))
            script.Append(line).Append('\n');
        script.Append('\n');
        script.Append($"using static {Host};\n");
        foreach (string directive in usings)
            script.Append(directive).Append('\n');
        foreach (string part in body.Where(part => part.Length > 0))
            script.Append('\n').Append(part).Append('\n');
        if (types.Count > 0)
        {
            script.Append("\n// Types declared in the notebook's cells: a C# file declares them after its statements.\n");
            foreach (string type in types)
                script.Append('\n').Append(CodeCell.TrimLines(type)).Append('\n');
        }
        return script.ToString();
    }

    private static IEnumerable<string> Header(NotebookSource notebook, string name, IReadOnlyList<PackageReference> packages,
        IReadOnlyList<string> projects)
    {
        yield return $"// Generated from {notebook.RelativePath} by tools/NotebookScripts: edit the notebook, not this file,";
        yield return $"// then regenerate every script with `{Command}` (a test fails while they differ).";
        yield return "//";
        yield return $"// Run from anywhere in the repository: dotnet run {ScriptsFolder}/{name}.cs";
        yield return "// DEEPFM_EPOCHS=1 shortens training and DEEPFM_DATA=path/to/ml-100k.zip reads local data, as in the notebook;";
        yield return $"// charts are written to artifacts/scripts/{name}/ (or {"$"}DEEPFM_SCRIPT_OUTPUT) as HTML, and PNG with Chromium.";
        yield return "// Step through it in VS Code: the README's \"Without notebooks\" section.";
        yield return "";
        yield return "// The set-up cell's pinned packages, and the tutorial library as a project.";
        foreach (var package in packages)
            yield return $"#:package {package.Id}@{package.Version}";
        foreach (string project in projects)
            yield return $"#:project ../{project}";
        yield return "// Versions pinned above, as in the notebook, rather than by the repository's Directory.Packages.props.";
        yield return "#:property ManagePackageVersionsCentrally=false";
        yield return "// File-based apps default to native AOT publishing, which TorchSharp and Plotly.NET do not support.";
        yield return "#:property PublishAot=false";
    }

    private static string StartCall(string name) =>
        "// The notebook's set-up cell, for a plain C# program: work from the repository root, make TorchSharp's native\n" +
        "// library loadable on this machine, and show each displayed value in the terminal (tables as text, charts as\n" +
        "// files). The directives at the top load the library; `dotnet run` builds it when its sources changed.\n" +
        $"Start({Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Literal(name)});";
}
