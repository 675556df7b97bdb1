namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// For <c>--jupyter</c> runs: Jupyter with nbconvert on PATH, and the .NET (C#) kernel, which this check installs
/// (<c>dotnet interactive jupyter install</c>) when Jupyter does not list it yet.
/// </summary>
public sealed class JupyterCheck(HostEnvironment host, RepositoryLayout layout) : PreflightCheck
{
    /// <inheritdoc/>
    public override string Name => "Jupyter";

    /// <inheritdoc/>
    public override async Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        var jupyter = host.FindOnPath("jupyter");
        if (jupyter is null)
            return CheckResult.Failed(Name, "--jupyter needs Jupyter, and no 'jupyter' is on PATH. " +
                                            $"Install it ({JupyterKernel.InstallHint}) or run without --jupyter (dotnet repl).");
        if (host.FindOnPath("jupyter-nbconvert") is null)
            return CheckResult.Failed(Name, "--jupyter needs nbconvert, and no 'jupyter-nbconvert' is on PATH. " +
                                            $"Install it ({JupyterKernel.InstallHint}) or run without --jupyter.");
        try
        {
            await JupyterKernel.EnsureKernelAsync(layout, cancellation);
        }
        catch (InvalidOperationException error)
        {
            return CheckResult.Failed(Name, error.Message);
        }
        return CheckResult.Ok(Name, $"Jupyter: {jupyter} with the {JupyterKernel.KernelName} kernel");
    }
}
