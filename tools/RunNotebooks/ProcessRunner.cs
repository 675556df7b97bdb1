using System.Diagnostics;
using System.Text;

namespace DeepFm.RunNotebooks;

/// <summary>Runs one external command to completion with a timeout, capturing what it prints.</summary>
public static class ProcessRunner
{
    /// <summary>The exit code, the combined output (stdout then stderr) and the elapsed time of one command.</summary>
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>,
    /// adding <paramref name="environment"/> to the inherited variables. On timeout the whole process tree is
    /// killed and a <see cref="TimeoutException"/> names the command.
    /// </summary>
    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, CancellationToken cancellation = default,
        Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // kernels must never wait for a keyboard
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Receive(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellation.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalMinutes:F0} min and was stopped. " +
                $"Output so far:\n{stdout}{stderr}");
        }
        return new Result(process.ExitCode, $"{stdout}{stderr}", clock.Elapsed);

        void Receive(StringBuilder buffer, string? line)
        {
            if (line is null)
                return;
            lock (buffer)
                buffer.AppendLine(line);
            onLine?.Invoke(line);
        }
    }
}
