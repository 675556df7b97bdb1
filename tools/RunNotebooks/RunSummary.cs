using System.Globalization;
using Spectre.Console;

namespace DeepFm.RunNotebooks;

/// <summary>The table that ends a run: each notebook's result, code cells and time, and the total.</summary>
public static class RunSummary
{
    /// <summary>Builds the table for <paramref name="results"/>.</summary>
    public static Table Build(IReadOnlyList<NotebookResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Notebook").AddColumn("Result").AddColumn(new TableColumn("Code cells").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var result in results)
            table.AddRow(
                Markup.Escape(result.Name),
                result.Succeeded ? "[green]ok[/]" : $"[red]{Markup.Escape(result.ShortReason)}[/]",
                result.CodeCells.ToString(CultureInfo.InvariantCulture),
                Format(result.Run.Elapsed));
        var total = TimeSpan.FromTicks(results.Sum(result => result.Run.Elapsed.Ticks));
        var failed = results.Count(result => !result.Succeeded);
        table.AddEmptyRow();
        table.AddRow(
            "[bold]Total[/]",
            failed == 0 ? $"[green]{results.Count} ok[/]" : $"[red]{failed} of {results.Count} failed[/]",
            results.Sum(result => result.CodeCells).ToString(CultureInfo.InvariantCulture),
            $"[bold]{Format(total)}[/]");
        return table;
    }

    /// <summary>A duration as a reader reads it: "42.3 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Format(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s"),
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:D2} s",
        _ => $"{(int)elapsed.TotalHours} h {elapsed.Minutes:D2} min",
    };
}
