namespace DeepFm.RunNotebooks;

/// <summary>Jupyter and the .NET Interactive kernel the notebooks name (<c>.net-csharp</c>), for <c>--jupyter</c> runs.</summary>
public static class JupyterKernel
{
    /// <summary>The Jupyter kernelspec the notebooks name in their metadata.</summary>
    public const string KernelName = ".net-csharp";

    /// <summary>The line nbconvert logs at debug level as it starts each code cell.</summary>
    public const string CellStartLogLine = "[NbConvertApp] Executing cell:";

    /// <summary>What to install when Jupyter is missing (Debian package names).</summary>
    public const string InstallHint = "apt-get install jupyter-nbconvert jupyter-client python3-ipykernel";

    /// <summary>The <c>jupyter</c> executable on <paramref name="path"/> (a PATH value), or null.</summary>
    public static string? FindJupyter(string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "jupyter"))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// True when the .NET (C#) kernelspec is installed: looked up first in Jupyter's usual kernel folders (no Python
    /// start-up), then by asking <c>jupyter kernelspec list</c>, which knows every configured path.
    /// </summary>
    public static async Task<bool> KernelIsInstalledAsync(RepositoryLayout layout, CancellationToken cancellation = default)
    {
        if (UsualKernelFolders().Any(folder => File.Exists(Path.Combine(folder, KernelName, "kernel.json"))))
            return true;
        var kernels = await ProcessRunner.RunAsync(
            "jupyter", ["kernelspec", "list"], layout.Root, null, TimeSpan.FromMinutes(1), cancellation);
        return kernels.ExitCode == 0
            && kernels.Output.Split('\n').Any(line => line.Trim().StartsWith(KernelName + " ", StringComparison.Ordinal));
    }

    // Where `dotnet interactive jupyter install` and the system put kernelspecs on Linux (Jupyter's data paths).
    private static IEnumerable<string> UsualKernelFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(home, ".local", "share");
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
            yield return Path.Combine(dataDir, "kernels");
        yield return Path.Combine(dataHome, "jupyter", "kernels");
        yield return "/usr/local/share/jupyter/kernels";
        yield return "/usr/share/jupyter/kernels";
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
