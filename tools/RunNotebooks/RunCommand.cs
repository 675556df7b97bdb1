using System.Globalization;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace DeepFm.RunNotebooks;

/// <summary>
/// The run-all tool's command line (System.CommandLine): the options, their help text and their validation, so a
/// wrong value is refused before anything runs, with a message that names the option.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command; <paramref name="run"/> is called with the parsed options when they are valid.</summary>
    public static RootCommand Create(Func<RunOptions, CancellationToken, Task<int>> run)
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            HelpName = "DIR",
            Description = "Write the executed notebooks to DIR (charts to DIR/assets) instead of over notebooks/ and assets/.",
        };
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo>() is { } folder && File.Exists(folder.FullName))
                result.AddError($"--output {folder.FullName} is a file; give a folder (it is created if missing).");
        });
        var epochs = new Option<int?>("--epochs")
        {
            HelpName = "N",
            Description = "Train for N epochs (sets DEEPFM_EPOCHS) instead of each notebook's own schedule; --epochs 1 for a quick try.",
            CustomParser = result => PositiveWholeNumber(result, "--epochs", "e.g. --epochs 1"),
        };
        var data = new Option<FileSystemInfo>("--data")
        {
            HelpName = "PATH",
            Description = "MovieLens-100k: ml-100k.zip or its extracted folder (sets DEEPFM_DATA). Default: DEEPFM_DATA, " +
                          "else ../shared/data/ml-100k.zip beside the repository, else the download cache, else a download.",
        };
        var jupyter = new Option<bool>("--jupyter")
        {
            Description = "Execute with Jupyter (jupyter nbconvert and the .NET kernel) instead of dotnet repl.",
        };
        var plain = new Option<bool>("--plain")
        {
            Description = "Plain progress lines even on a terminal (they are the default when output is redirected, e.g. in CI).",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Run the preflight checks (data, Jupyter, Chromium, tools, library build) and stop.",
        };
        var timeout = new Option<int>("--timeout")
        {
            HelpName = "MINUTES",
            Description = "Stop a notebook still running after this many minutes.",
            DefaultValueFactory = _ => 30,
            CustomParser = result => PositiveWholeNumber(result, "--timeout", "minutes, e.g. --timeout 60") ?? 0,
        };
        var names = new Argument<string[]>("NAME")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Run only the notebooks whose file name contains NAME (e.g. 01 or train). Default: all, in order.",
        };
        // Anything starting with '-' that is not an option above is a typo, not a notebook name.
        names.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-')))
                result.AddError($"Unknown option {token.Value}; see --help.");
        });

        var command = new RootCommand(
            "Runs the tutorial notebooks headless, in order, and writes them back with fresh outputs. A failed notebook " +
            "is written to notebooks/.failed/ (ignored by git) and never over the committed one.")
        {
            output, epochs, data, jupyter, plain, check, timeout, names,
            AddCellIdsCommand.Create(),
        };
        command.SetAction((result, cancellation) => run(
            new RunOptions(
                result.GetValue(output)?.FullName,
                result.GetValue(epochs),
                result.GetValue(data)?.FullName,
                result.GetValue(jupyter) ? NotebookEngine.Jupyter : NotebookEngine.DotnetRepl,
                result.GetValue(names) ?? [],
                result.GetValue(plain),
                result.GetValue(check),
                TimeSpan.FromMinutes(result.GetValue(timeout))),
            cancellation));
        return command;
    }

    // A whole number above zero, or an error that names the option (System.CommandLine's own says "System.Int32").
    private static int? PositiveWholeNumber(ArgumentResult result, string option, string example)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(token => token.Value));
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        result.AddError($"{option} must be a positive whole number ({example}), not '{text}'.");
        return null;
    }
}
