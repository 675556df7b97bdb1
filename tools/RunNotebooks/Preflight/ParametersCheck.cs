using System.Globalization;

namespace DeepFm.RunNotebooks.Preflight;

/// <summary>
/// The notebook parameters inherited from the environment are usable: a DEEPFM_EPOCHS left in the shell (and not
/// replaced by <c>--epochs</c>) must be a positive whole number, as the notebooks require, or every training
/// notebook would fail at its parameters cell after starting a kernel.
/// </summary>
public sealed class ParametersCheck(HostEnvironment host, int? epochsOption) : PreflightCheck
{
    /// <inheritdoc/>
    public override string Name => "parameters";

    /// <inheritdoc/>
    public override Task<CheckResult> RunAsync(CancellationToken cancellation = default)
    {
        if (epochsOption is { } epochs)
            return Task.FromResult(CheckResult.Ok(Name, $"{epochs} training epoch(s) (--epochs)"));
        var inherited = host.NonEmpty(NotebookEnvironment.EpochsVariable);
        if (inherited is null)
            return Task.FromResult(CheckResult.Ok(Name, "each notebook's own number of epochs"));
        return Task.FromResult(int.TryParse(inherited, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? CheckResult.Ok(Name, $"{value} training epoch(s) ({NotebookEnvironment.EpochsVariable} from the environment)")
            : CheckResult.Failed(Name,
                $"{NotebookEnvironment.EpochsVariable}='{inherited}' (from the environment) is not a positive whole number. " +
                $"Unset it, set e.g. {NotebookEnvironment.EpochsVariable}=1, or pass --epochs N."));
    }
}
