namespace DeepFm.RunNotebooks;

/// <summary>The repository's local dotnet tools (.config/dotnet-tools.json): dotnet-repl and dotnet-interactive.</summary>
public static class DotnetTools
{
    /// <summary>
    /// Runs <c>dotnet tool restore</c>: a second or two when the tools are already there, a download otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">The restore failed (no network, no NuGet); the message says what to do.</exception>
    public static async Task RestoreAsync(RepositoryLayout layout, CancellationToken cancellation = default)
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["tool", "restore"], layout.Root, null, TimeSpan.FromMinutes(5), cancellation);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"'dotnet tool restore' failed (exit code {result.ExitCode}): the runner needs dotnet-repl from " +
                $".config/dotnet-tools.json. Check the network or your NuGet sources, then run it yourself in " +
                $"{layout.Root}.\n{result.Output.Trim()}");
    }
}
