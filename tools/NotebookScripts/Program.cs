using DeepFm.NotebookScripts;

// Regenerates scripts/*.cs from notebooks/*.ipynb (the notebooks are the single source), or with --check only says
// which scripts differ. Run from anywhere inside the repository.
if (args.Any(arg => arg is "-h" or "--help"))
{
    Console.WriteLine($"""
        {ScriptGenerator.Command} [--check]

        Writes scripts/NN-name.cs for every notebooks/NN-name.ipynb: a C# file that `dotnet run scripts/NN-name.cs`
        runs, with the notebook's text as comments. --check writes nothing and exits 1 when a script differs.
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
        var differences = ScriptGenerator.Differences(root);
        foreach (string script in differences)
            Console.WriteLine($"{script} differs from its notebook.");
        if (differences.Count > 0)
            Console.WriteLine($"Regenerate the scripts: {ScriptGenerator.Command}");
        else
            Console.WriteLine("Every script matches its notebook.");
        return differences.Count == 0 ? 0 : 1;
    }
    var changed = ScriptGenerator.WriteAll(root);
    Console.WriteLine(changed.Count == 0
        ? "Every script already matched its notebook."
        : $"Regenerated: {string.Join(", ", changed)}");
    return 0;
}
catch (Exception error) when (error is NotebookTranslationException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
