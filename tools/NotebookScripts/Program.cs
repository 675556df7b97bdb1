using DeepFm.NotebookScripts;

// Regenerates scripts/*.cs and the library files of the cells marked `// @save Folder/File.cs` from notebooks/*.ipynb
// (the notebooks are the single source), or with --check only says which differ. Run from anywhere in the repository.
if (args.Any(arg => arg is "-h" or "--help"))
{
    Console.WriteLine($"""
        {ScriptGenerator.Command} [--check]

        Writes scripts/NN-name.cs for every notebooks/NN-name.ipynb: a C# file that `dotnet run scripts/NN-name.cs`
        runs, with the notebook's text as comments. Copies every code cell whose first line is
        `{LibraryCells.Marker}Folder/File.cs` into {LibraryCells.LibraryFolder}/Folder/File.cs (the library compiles the
        taught code's own text). --check writes nothing and exits 1 when a script or a library file differs.
        """);
    return 0;
}
bool checkOnly = args.Contains("--check");
if (args.FirstOrDefault(arg => arg != "--check") is { } unknown)
{
    Console.Error.WriteLine($"Unknown option '{unknown}'; {ScriptGenerator.Command} --help lists the options.");
    return 2;
}

try
{
    string root = RepositoryRoot.Find(Environment.CurrentDirectory);
    if (checkOnly)
    {
        var differences = ScriptGenerator.Differences(root).Concat(LibraryCells.Differences(root)).ToList();
        foreach (string file in differences)
            Console.WriteLine($"{file} differs from its notebook.");
        if (differences.Count > 0)
            Console.WriteLine($"Regenerate: {ScriptGenerator.Command}");
        else
            Console.WriteLine("Every script and saved library file matches its notebook.");
        return differences.Count == 0 ? 0 : 1;
    }
    var changed = LibraryCells.WriteAll(root).Concat(ScriptGenerator.WriteAll(root)).ToList();
    Console.WriteLine(changed.Count == 0
        ? "Every script and saved library file already matched its notebook."
        : $"Regenerated: {string.Join(", ", changed)}");
    return 0;
}
catch (Exception error) when (error is NotebookTranslationException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
