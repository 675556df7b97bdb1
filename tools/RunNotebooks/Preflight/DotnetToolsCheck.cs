namespace DeepFm.RunNotebooks.Preflight;

/// <summary>The local dotnet tools (dotnet-repl) are restored: restores them, quick when they already are.</summary>
public sealed class DotnetToolsCheck(RepositoryLayout layout) : PreflightCheck
{
    /// <inheritdoc/>
    public override string Name => "dotnet tools";

    /// <inheritdoc/>
    public override async Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        try
        {
            await DotnetTools.RestoreAsync(layout, cancellation);
            return CheckResult.Ok(Name, "dotnet tools restored (dotnet-repl, dotnet-interactive)");
        }
        catch (InvalidOperationException error)
        {
            return CheckResult.Failed(Name, error.Message);
        }
    }
}
