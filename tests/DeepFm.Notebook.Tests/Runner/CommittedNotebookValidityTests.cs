using System.Diagnostics;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// Every committed notebook is valid nbformat 4.5, checked by nbformat's own validator (Debian: python3-nbformat,
/// which jupyter-nbconvert brings), with cell ids required (nbformat only warns about missing ids; here it is an
/// error). The runner's writer reproduces a committed notebook byte for byte (Jupyter's formatting), so a run's diff
/// holds only what the run changed.
/// </summary>
public sealed class CommittedNotebookValidityTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    // Validates the raw JSON (nbformat.read would quietly add missing ids) with nbformat's warnings as errors.
    private const string Validator = """
        import json, sys, warnings
        import nbformat
        warnings.simplefilter("error")
        with open(sys.argv[1], encoding="utf-8") as file:
            notebook = json.load(file)
        assert (notebook["nbformat"], notebook["nbformat_minor"]) >= (4, 5), "not nbformat 4.5"
        nbformat.validate(notebook)
        """;

    /// <summary>The tutorial notebooks and the test fixture notebooks, relative to the repository root.</summary>
    public static TheoryData<string> CommittedNotebooks() => new(
        Layout.Notebooks()
            .Concat(Directory.GetFiles(Path.Combine(Layout.Root, "tests"), "*.ipynb", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            .Select(path => Path.GetRelativePath(Layout.Root, path)));

    [Theory]
    [MemberData(nameof(CommittedNotebooks))]
    public void EveryCellHasAUniqueId(string notebook)
    {
        var json = NotebookFile.Read(Path.Combine(Layout.Root, notebook));
        Assert.True(CellIds.AreValid(json),
            $"{notebook}: a cell has no id, an invalid one or a repeated one. Run: dotnet run --project tools/RunNotebooks -- add-cell-ids {notebook}");
    }

    [Theory]
    [MemberData(nameof(CommittedNotebooks))]
    public async Task PassesNbformatsValidator(string notebook)
    {
        var python = await PythonWithNbformatAsync();
        if (python is null)
            Assert.Skip("nbformat is not installed for python3 (apt-get install python3-nbformat; CI installs it).");

        var (exitCode, output) = await RunAsync(python, ["-c", Validator, Path.Combine(Layout.Root, notebook)]);

        Assert.True(exitCode == 0, $"{notebook} is not a valid notebook by nbformat's validator:\n{output}");
    }

    /// <summary>The tutorial notebooks (the ones the runner writes).</summary>
    public static TheoryData<string> TutorialNotebooks() => new(Layout.Notebooks().Select(path => Path.GetRelativePath(Layout.Root, path)));

    [Theory]
    [MemberData(nameof(TutorialNotebooks))]
    public void TheRunnersWriterReproducesTheFileByteForByte(string notebook)
    {
        var path = Path.Combine(Layout.Root, notebook);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("deepfm-writer-").FullName, Path.GetFileName(path));

        NotebookFile.WriteAtomically(NotebookFile.Read(path), copy);

        Assert.Equal(File.ReadAllText(path), File.ReadAllText(copy));
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }

    // PATH's python3 may be a pyenv or venv one without nbformat; Debian's /usr/bin/python3 has it when installed.
    private static async Task<string?> PythonWithNbformatAsync()
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                if ((await RunAsync(python, ["-c", "import nbformat"])).ExitCode == 0)
                    return python;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }
        return null;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
