using System.Runtime.InteropServices;
using DeepFm.Notebook.Hosting;

namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// The machine is one TorchSharp 0.107's CPU build runs on (Linux x64, macOS arm64); the first check, so Windows or
/// an arm64 Linux gets one line saying what to use instead, not a native loader's stack trace in the first notebook.
/// The same rule as the notebooks' set-up (the library's <c>SupportedPlatform</c>, compiled into the runner).
/// </summary>
/// <param name="system">The operating system to judge; default: this one.</param>
/// <param name="architecture">The process architecture to judge; default: this process's.</param>
public sealed class PlatformCheck(OSPlatform? system = null, Architecture? architecture = null) : PreflightCheck
{
    /// <inheritdoc/>
    public override string Name => "platform";

    /// <inheritdoc/>
    public override Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        string? problem = system is null && architecture is null
            ? SupportedPlatform.Problem()
            : SupportedPlatform.Problem(system ?? OSPlatform.Linux, architecture ?? RuntimeInformation.ProcessArchitecture);
        return Task.FromResult(problem is null
            ? CheckResult.Ok(Name, $"{RuntimeInformation.RuntimeIdentifier}: TorchSharp's CPU build runs here")
            : CheckResult.Failed(Name, problem));
    }
}
