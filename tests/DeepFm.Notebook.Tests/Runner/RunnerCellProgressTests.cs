using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>"cell i of N" comes from dotnet repl's event log, read as it grows.</summary>
public sealed class RunnerCellProgressTests : IDisposable
{
    private const string CellStart =
        "2026-11-26T06:05:53.3805625Z [00-df5-d73-00] [KernelInvocationContext] [KernelInvocationContext]  ▶  +[ ⁞Ϲ⁞ SubmitCode x ]\n";
    private const string Nested =
        "2026-11-26T06:05:52.4351992Z [00-df5-870-00] [KernelScheduler] [Run]  ▶  +[ ⁞Ϲ⁞ SubmitCode using static Kernel; ]\n";

    private readonly string folder = Directory.CreateTempSubdirectory("deepfm-repl-log-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void CountsTopLevelSubmissionsAsTheLogGrows()
    {
        var progress = new ReplCellProgress(folder, [true, true, true, true]);
        Assert.Equal(0, progress.Poll()); // no log yet

        var log = Path.Combine(folder, "20261126-00001.log");
        File.WriteAllText(log, CellStart + Nested + "some event\n");
        Assert.Equal(1, progress.Poll());

        // Half a line: not counted until its end is written.
        File.AppendAllText(log, CellStart[..60]);
        Assert.Equal(1, progress.Poll());
        File.AppendAllText(log, CellStart[60..] + CellStart);
        Assert.Equal(3, progress.Poll());
        Assert.Equal(3, progress.Poll());
    }

    [Fact]
    public void MarkdownCellsAreSubmittedTooButOnlyCodeCellsCount()
    {
        // markdown, code, markdown, markdown, code: dotnet repl submits all five, in order.
        var progress = new ReplCellProgress(folder, [false, true, false, false, true]);
        var log = Path.Combine(folder, "20261126-00001.log");

        File.WriteAllText(log, CellStart + CellStart);
        Assert.Equal(1, progress.Poll());
        File.AppendAllText(log, CellStart + CellStart);
        Assert.Equal(1, progress.Poll()); // two markdown cells: still the first code cell
        File.AppendAllText(log, CellStart);
        Assert.Equal(2, progress.Poll());
    }

    [Fact]
    public async Task NbconvertsDebugLinesReachTheCallbackAsTheyArePrinted()
    {
        // What nbconvert --log-level=DEBUG prints on stderr as it starts each code cell.
        var script = $"echo '{JupyterKernel.CellStartLogLine}' >&2; echo 'Console.WriteLine(1);' >&2; echo '{JupyterKernel.CellStartLogLine}' >&2";
        var lines = new List<string>();

        var result = await ProcessRunner.RunAsync("sh", ["-c", script], folder, null, TimeSpan.FromMinutes(1),
            TestContext.Current.CancellationToken, line => { lock (lines) lines.Add(line); });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, lines.Count(line => line.StartsWith(JupyterKernel.CellStartLogLine, StringComparison.Ordinal)));
    }
}
