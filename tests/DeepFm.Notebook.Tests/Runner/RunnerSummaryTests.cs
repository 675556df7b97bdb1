using DeepFm.RunNotebooks;
using Spectre.Console.Testing;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>The table that ends a run: each notebook's result and time, and the total.</summary>
public sealed class RunnerSummaryTests
{
    [Fact]
    public void ShowsEachNotebookTheReasonItFailedAndTheTotalTime()
    {
        var console = new TestConsole().Width(100);
        NotebookResult[] results =
        [
            Result("01-data.ipynb", TimeSpan.FromSeconds(22.1), failure: null),
            Result("04-train-eval.ipynb", TimeSpan.FromSeconds(75),
                new NotebookCellFailure(12, "SavePng(chart);", "Error", "System.IO.IOException: The file '/etc/passwd' already exists.")),
            Result("05-compare.ipynb", TimeSpan.FromSeconds(3),
                new NotebookCellFailure(3, "y + 1", "Error", "(1,1): error CS0103: The name 'y' does not exist")),
        ];

        console.Write(RunSummary.Build(results));

        var table = console.Output;
        Assert.Contains("01-data.ipynb", table);
        Assert.Contains("22.1 s", table);
        Assert.Contains("cell 12: IOException", table);
        Assert.Contains("cell 3: CS0103", table);
        Assert.Contains("2 of 3 failed", table);
        Assert.Contains("1 min 40 s", table); // 22.1 + 75 + 3 s
    }

    [Theory]
    [InlineData(42.34, "42.3 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(3720, "1 h 02 min")]
    public void FormatsDurationsAsAReaderReadsThem(double seconds, string expected) =>
        Assert.Equal(expected, RunSummary.Format(TimeSpan.FromSeconds(seconds)));

    private static NotebookResult Result(string name, TimeSpan elapsed, NotebookCellFailure? failure) =>
        // A run succeeded only if its executed notebook exists; a temporary file stands in for it.
        new(name, new NotebookRun(name, failure is null ? Path.GetTempFileName() : "/nonexistent.ipynb", failure is null ? 0 : 2, elapsed, failure, ""),
            10, null, []);
}
