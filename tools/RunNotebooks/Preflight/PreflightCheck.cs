namespace DeepFm.RunNotebooks.Preflight;

/// <summary>How a preflight check ended.</summary>
public enum CheckStatus
{
    /// <summary>What the run needs is there.</summary>
    Ok,

    /// <summary>The run can go on with less (e.g. no PNGs); the message says what is missing and how to get it.</summary>
    Warning,

    /// <summary>The run would fail; the message names the option or variable to change and what to do.</summary>
    Failed,
}

/// <summary>The outcome of one check: its status and one line (or a few) for the reader.</summary>
public sealed record CheckResult(string Check, CheckStatus Status, string Message)
{
    /// <summary>A passed check.</summary>
    public static CheckResult Ok(string check, string message) => new(check, CheckStatus.Ok, message);

    /// <summary>A check that lets the run go on with less.</summary>
    public static CheckResult Warning(string check, string message) => new(check, CheckStatus.Warning, message);

    /// <summary>A check that stops the run.</summary>
    public static CheckResult Failed(string check, string message) => new(check, CheckStatus.Failed, message);
}

/// <summary>
/// One thing a run needs, checked before the first notebook so that a run fails in seconds, not after nine minutes
/// of training. Each check is its own class so a test can run it against a made-up machine
/// (<see cref="HostEnvironment"/>).
/// </summary>
public abstract class PreflightCheck
{
    /// <summary>A short name: "data", "Chromium", …</summary>
    public abstract string Name { get; }

    /// <summary>Runs the check.</summary>
    public abstract Task<CheckResult> RunAsync(CancellationToken cancellation = default);
}
