// Runs every notebook in notebooks/ in order, headless, and writes it back with fresh outputs; see RunCommand for the
// options (dotnet run -c Release --project tools/RunNotebooks -- --help) and RunAll for what a run does.
using DeepFm.RunNotebooks;
using DeepFm.RunNotebooks.Preflight;
using Spectre.Console;

var command = RunCommand.Create((options, cancellation) =>
    new RunAll(RepositoryLayout.FindFrom(Environment.CurrentDirectory), HostEnvironment.Current, AnsiConsole.Console)
        .RunAsync(options, cancellation));
return await command.Parse(args).InvokeAsync();
