using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Data;

/// <summary>
/// A batch of encoded examples as TorchSharp tensors.
/// <list type="bullet">
/// <item><see cref="Categorical"/>: int64 [B, F], per-field vocabulary indices in <see cref="FeatureSchema"/> order.</item>
/// <item><see cref="TitleTokens"/>: int64 [B, L], title token ids, 0 = padding, 1 = out-of-vocabulary.</item>
/// <item><see cref="Labels"/>: float32 [B], 1 when the rating is 4 or 5 stars, else 0.</item>
/// </list>
/// The batch owns its tensors; dispose it (or create it inside a <c>torch.NewDisposeScope()</c>).
/// </summary>
public sealed class FeatureBatch(Tensor categorical, Tensor titleTokens, Tensor labels) : IDisposable
{
    /// <summary>int64 [B, F] vocabulary indices of the categorical fields.</summary>
    public Tensor Categorical { get; } = categorical;

    /// <summary>int64 [B, L] padded title token ids (0 = padding).</summary>
    public Tensor TitleTokens { get; } = titleTokens;

    /// <summary>float32 [B] binary labels.</summary>
    public Tensor Labels { get; } = labels;

    /// <summary>Number of examples B.</summary>
    public int Count => (int)Labels.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Categorical.Dispose();
        TitleTokens.Dispose();
        Labels.Dispose();
    }
}
