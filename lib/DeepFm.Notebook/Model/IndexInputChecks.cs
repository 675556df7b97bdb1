using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Model;

/// <summary>
/// Checks on the integer inputs of the model, so that a batch encoded with a different <c>FeatureSchema</c> fails
/// with a message that says which field and what to do, instead of a native "index out of range" from the
/// embedding lookup.
/// </summary>
/// <remarks>
/// <see cref="DeepFmModel"/> runs them once, where a batch enters the model; its parts do not check again, so a
/// part used on its own (as the notebooks do) is checked by calling its <c>CheckIndices</c> method explicitly.
/// </remarks>
internal static class IndexInputChecks
{
    /// <summary>
    /// Requires an int64 [B, columnNames.Length] tensor whose column <c>c</c> holds values in
    /// [0, <paramref name="columnSizes"/>[c]).
    /// </summary>
    public static void RequireIndexColumns(Tensor indices, string inputName, IReadOnlyList<string> columnNames, IReadOnlyList<long> columnSizes)
    {
        RequireInt64Matrix(indices, inputName);
        if (indices.shape[1] != columnNames.Count)
            throw new ArgumentException(
                $"{inputName} has {indices.shape[1]} columns but the model was built for {columnNames.Count} fields " +
                $"({string.Join(", ", columnNames)}): encode the batch with the FeatureSchema the model was built with.",
                inputName);
        if (indices.shape[0] == 0) return;

        using var scope = torch.NewDisposeScope();
        var smallest = indices.amin(0).cpu().data<long>().ToArray();
        var largest = indices.amax(0).cpu().data<long>().ToArray();
        for (var column = 0; column < columnNames.Count; column++)
        {
            if (smallest[column] < 0 || largest[column] >= columnSizes[column])
                throw new ArgumentOutOfRangeException(inputName,
                    $"{inputName} column {column} ({columnNames[column]}) holds indices from {smallest[column]} to " +
                    $"{largest[column]}, but the schema gives this field {columnSizes[column]} values (valid: 0 to " +
                    $"{columnSizes[column] - 1}): encode the batch with the FeatureSchema the model was built with.");
        }
    }

    /// <summary>Requires an int64 [B, L] tensor of token ids in [0, <paramref name="vocabularySize"/>).</summary>
    public static void RequireTokenIds(Tensor tokens, string inputName, long vocabularySize)
    {
        RequireInt64Matrix(tokens, inputName);
        if (tokens.numel() == 0) return;

        using var scope = torch.NewDisposeScope();
        var smallest = tokens.min().item<long>();
        var largest = tokens.max().item<long>();
        if (smallest < 0 || largest >= vocabularySize)
            throw new ArgumentOutOfRangeException(inputName,
                $"{inputName} holds token ids from {smallest} to {largest}, but the title vocabulary has " +
                $"{vocabularySize} ids (0 = padding, 1 = out-of-vocabulary): build the model with the " +
                "FeatureSchema.TitleVocabularySize the titles were encoded with.");
    }

    private static void RequireInt64Matrix(Tensor tensor, string inputName)
    {
        if (tensor.dtype != ScalarType.Int64)
            throw new ArgumentException($"{inputName} must hold int64 indices but has dtype {tensor.dtype}.", inputName);
        if (tensor.dim() != 2)
            throw new ArgumentException(
                $"{inputName} must have shape [B, columns] but has shape [{string.Join(", ", tensor.shape)}].", inputName);
    }
}
