namespace DeepFm.RunNotebooks;

/// <summary>Jupyter and the .NET Interactive kernel the notebooks name (<c>.net-csharp</c>), for <c>--jupyter</c> runs.</summary>
public static class JupyterKernel
{
    /// <summary>The Jupyter kernelspec the notebooks name in their metadata.</summary>
    public const string KernelName = ".net-csharp";

    /// <summary>What to install when Jupyter is missing (Debian package names).</summary>
    public const string InstallHint = "apt-get install jupyter-nbconvert jupyter-client python3-ipykernel";

    /// <summary>The <c>jupyter</c> executable on <paramref name="path"/> (a PATH value), or null.</summary>
    public static string? FindJupyter(string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "jupyter"))
            .FirstOrDefault(File.Exists);

    /// <summary>True when Jupyter lists the .NET (C#) kernelspec.</summary>
    public static async Task<bool> KernelIsInstalledAsync(RepositoryLayout layout, CancellationToken cancellation = default)
    {
        var kernels = await ProcessRunner.RunAsync(
            "jupyter", ["kernelspec", "list"], layout.Root, null, TimeSpan.FromMinutes(1), cancellation);
        return kernels.ExitCode == 0
            && kernels.Output.Split('\n').Any(line => line.Trim().StartsWith(KernelName + " ", StringComparison.Ordinal));
    }

    /// <summary>Installs the .NET Interactive kernelspecs for the current user unless Jupyter already knows them.</summary>
    /// <exception cref="InvalidOperationException">The install failed; the message holds its output.</exception>
    public static async Task EnsureKernelAsync(RepositoryLayout layout, CancellationToken cancellation = default)
    {
        if (await KernelIsInstalledAsync(layout, cancellation))
            return;
        var install = await ProcessRunner.RunAsync(
            "dotnet", ["interactive", "jupyter", "install"], layout.Root, null, TimeSpan.FromMinutes(2), cancellation);
        if (install.ExitCode != 0)
            throw new InvalidOperationException(
                $"'dotnet interactive jupyter install' failed (exit code {install.ExitCode}); the {KernelName} kernel " +
                $"is needed for --jupyter.\n{install.Output.Trim()}");
    }
}
