using DeepFm.RunNotebooks;

// Runs every notebook in notebooks/ in order, headless, and writes it back with fresh outputs.
//   dotnet run --project tools/RunNotebooks -c Release -- [--output DIR] [--epochs N] [--jupyter] [NAME ...]
// --output DIR   write executed notebooks to DIR instead of in place
// --epochs N     set DEEPFM_EPOCHS=N for the notebooks (shorter training); default: the notebooks' own value
// --data PATH    MovieLens-100k zip or folder (sets DEEPFM_DATA); default: DEEPFM_DATA, else ../shared/data/ml-100k.zip
//                beside the repository when present, else the download cache
// --jupyter      execute with jupyter nbconvert and the .NET kernel instead of dotnet repl
// NAME           run only notebooks whose file name contains NAME
// Exits 1 naming the notebook and cell of the first failure (later notebooks still run).

string? outputFolder = null;
string? epochs = null;
string? dataPath = null;
var useJupyter = false;
var filters = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--output" when i + 1 < args.Length: outputFolder = Path.GetFullPath(args[++i]); break;
        case "--epochs" when i + 1 < args.Length: epochs = args[++i]; break;
        case "--data" when i + 1 < args.Length: dataPath = Path.GetFullPath(args[++i]); break;
        case "--jupyter": useJupyter = true; break;
        case "-h" or "--help":
            Console.WriteLine("usage: dotnet run --project tools/RunNotebooks -c Release -- [--output DIR] [--epochs N] [--data PATH] [--jupyter] [NAME ...]");
            return 0;
        default:
            if (args[i].StartsWith('-'))
            {
                Console.Error.WriteLine($"unknown option {args[i]}; see --help");
                return 2;
            }
            filters.Add(args[i]);
            break;
    }
}

var layout = RepositoryLayout.FindFrom(Environment.CurrentDirectory);
var environment = new Dictionary<string, string>();
if (epochs is not null)
    environment[NotebookEnvironment.EpochsVariable] = epochs;
dataPath ??= Environment.GetEnvironmentVariable(NotebookEnvironment.DataVariable) is { Length: > 0 } fromEnvironment
    ? fromEnvironment
    : NotebookEnvironment.SharedDataBeside(layout);
if (dataPath is not null)
    environment[NotebookEnvironment.DataVariable] = dataPath;
var runner = new NotebookRunner(layout, environment, TimeSpan.FromMinutes(30));
var notebooks = layout.Notebooks()
    .Where(path => filters.Count == 0 || filters.Any(name => Path.GetFileName(path).Contains(name, StringComparison.OrdinalIgnoreCase)))
    .ToList();
if (notebooks.Count == 0)
{
    Console.Error.WriteLine($"No notebooks to run in {layout.NotebooksFolder}.");
    return 1;
}

await runner.PrepareAsync();
var scratch = Directory.CreateTempSubdirectory("deepfm-notebooks-");
var failures = new List<NotebookRun>();
for (var index = 0; index < notebooks.Count; index++)
{
    var notebook = notebooks[index];
    Console.Write($"[{index + 1}/{notebooks.Count}] {Path.GetFileName(notebook)} ... ");
    var executed = Path.Combine(scratch.FullName, Path.GetFileName(notebook));
    var run = useJupyter ? await runner.RunWithJupyterAsync(notebook, executed) : await runner.RunWithReplAsync(notebook, executed);
    if (File.Exists(executed))
        NotebookOutputs.Merge(notebook, executed, Path.Combine(outputFolder ?? layout.NotebooksFolder, Path.GetFileName(notebook)));
    Console.WriteLine(run.Succeeded ? $"ok ({run.Elapsed.TotalSeconds:F1} s)" : $"FAILED ({run.Elapsed.TotalSeconds:F1} s)");
    if (!run.Succeeded)
    {
        Console.WriteLine("    " + run.Describe().Replace("\n", "\n    "));
        failures.Add(run);
    }
}
scratch.Delete(recursive: true);

if (failures.Count > 0)
{
    Console.Error.WriteLine($"{failures.Count} of {notebooks.Count} notebooks failed:");
    foreach (var failure in failures)
        Console.Error.WriteLine("  " + failure.Describe().Split('\n')[0]);
    return 1;
}
Console.WriteLine($"All {notebooks.Count} notebooks ran.");
return 0;
