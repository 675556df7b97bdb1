using System.Text.RegularExpressions;

namespace DeepFm.RunNotebooks;

/// <summary>One notebook of a run-all: how it ran and where its executed copy went.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Run">The execution.</param>
/// <param name="CodeCells">Its number of code cells.</param>
/// <param name="WrittenTo">The executed notebook written (the notebook itself, or the ignored side file of a failure), if any.</param>
/// <param name="Assets">The charts promoted into the assets folder (empty on failure).</param>
public sealed record NotebookResult(string Name, NotebookRun Run, int CodeCells, string? WrittenTo, IReadOnlyList<string> Assets)
{
    /// <summary>Changed charts that got no picture ("cell 12"): the notebook went to .without-pictures/, not over the committed one.</summary>
    public IReadOnlyList<string> ChartsWithoutPictures { get; init; } = [];

    /// <summary>True when the notebook ran without an error.</summary>
    public bool Succeeded => Run.Succeeded;

    /// <summary>A few words for the summary table: "ok", "code cell 7: IOException", "timed out".</summary>
    public string ShortReason => Run switch
    {
        { Succeeded: true } => "ok",
        { Failure: { } failure } => $"{failure.Location}: {ExceptionName(failure)}",
        { TimedOut: true } => "timed out",
        { ExitCode: > 128 } => "kernel crashed",
        _ => $"exit code {Run.ExitCode}",
    };

    // .NET Interactive names every error "Error"; the exception's type leads its text ("System.IO.IOException: …"),
    // and a compilation error carries its code ("(3,1): error CS0103: …").
    private static string ExceptionName(NotebookCellFailure failure) =>
        Regex.Match(failure.ErrorText, @"^(?:\w+\.)*(?<type>\w*(?:Exception|Error))\b") is { Success: true } exception
            ? exception.Groups["type"].Value
            : Regex.Match(failure.ErrorText, @"\berror (?<code>CS\d+)") is { Success: true } compilation
                ? compilation.Groups["code"].Value
                : failure.ErrorName;
}
