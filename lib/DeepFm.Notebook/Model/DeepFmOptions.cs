namespace DeepFm.Notebook.Model;

/// <summary>
/// Which parts of DeepFM to build, so that the same <see cref="DeepFmModel"/> class gives the four models the tutorial
/// compares (Guo et al. 2017, arXiv:1703.04247, §3 compares DeepFM against LR, FM and DNN in the same way):
/// <list type="bullet">
/// <item><see cref="LogisticRegression"/>: the first-order term only.</item>
/// <item><see cref="FactorizationMachine"/>: first-order + pairwise interactions of the embeddings.</item>
/// <item><see cref="Dnn"/>: the embeddings + the MLP.</item>
/// <item><see cref="DeepFm"/>: all three, summed.</item>
/// </list>
/// Parts that are off are not created, so parameter counts are those of the smaller model.
/// </summary>
public sealed record DeepFmOptions
{
    /// <summary>Short name for tables and charts ("LR", "FM", "DNN", "DeepFM").</summary>
    public string Name { get; init; } = "DeepFM";

    /// <summary>Adds the linear term over the one-hot categorical fields (<see cref="FirstOrderWeights"/>).</summary>
    public bool UseFirstOrder { get; init; } = true;

    /// <summary>Adds the FM pairwise interactions of the field embeddings (<see cref="Model.FactorizationMachine"/>).</summary>
    public bool UseFm { get; init; } = true;

    /// <summary>Adds the MLP over the concatenated field embeddings (<see cref="Mlp"/>).</summary>
    public bool UseDnn { get; init; } = true;

    /// <summary>Dimension D of every field embedding; 32 in the original.</summary>
    public int EmbeddingDimension { get; init; } = 32;

    /// <summary>Widths of the MLP's hidden layers; [64, 32] in the original.</summary>
    public IReadOnlyList<int> HiddenUnits { get; init; } = [64, 32];

    /// <summary>True when the FM or the DNN part is on, i.e. when the dense field embeddings are needed.</summary>
    public bool UsesEmbeddings => UseFm || UseDnn;

    /// <summary>Logistic regression: first order only.</summary>
    public static DeepFmOptions LogisticRegression { get; } =
        new() { Name = "LR", UseFirstOrder = true, UseFm = false, UseDnn = false };

    /// <summary>Factorization machine: first order + second order.</summary>
    public static DeepFmOptions FactorizationMachine { get; } =
        new() { Name = "FM", UseFirstOrder = true, UseFm = true, UseDnn = false };

    /// <summary>Embeddings + MLP, no first- or second-order term.</summary>
    public static DeepFmOptions Dnn { get; } =
        new() { Name = "DNN", UseFirstOrder = false, UseFm = false, UseDnn = true };

    /// <summary>The full DeepFM of the original: first order + FM + DNN.</summary>
    public static DeepFmOptions DeepFm { get; } = new();

    /// <summary>The four presets in the order the tutorial compares them.</summary>
    public static IReadOnlyList<DeepFmOptions> Presets { get; } = [LogisticRegression, FactorizationMachine, Dnn, DeepFm];

    /// <summary>Value equality, HiddenUnits compared element by element (a record would compare the list reference).</summary>
    public bool Equals(DeepFmOptions? other) =>
        other is not null && Name == other.Name && UseFirstOrder == other.UseFirstOrder
        && UseFm == other.UseFm && UseDnn == other.UseDnn
        && EmbeddingDimension == other.EmbeddingDimension && HiddenUnits.SequenceEqual(other.HiddenUnits);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Name, UseFirstOrder, UseFm, UseDnn, EmbeddingDimension, string.Join(",", HiddenUnits));

    /// <summary>For example "DeepFM (first order + FM + DNN, D = 32, hidden [64, 32])".</summary>
    public override string ToString()
    {
        var parts = new[] { (UseFirstOrder, "first order"), (UseFm, "FM"), (UseDnn, "DNN") }
            .Where(part => part.Item1).Select(part => part.Item2);
        var hidden = UseDnn ? $", hidden [{string.Join(", ", HiddenUnits)}]" : "";
        var dimension = UsesEmbeddings ? $", D = {EmbeddingDimension}" : "";
        return $"{Name} ({string.Join(" + ", parts)}{dimension}{hidden})";
    }

    /// <summary>Throws when the options cannot build a model.</summary>
    public void Validate()
    {
        if (!UseFirstOrder && !UseFm && !UseDnn)
            throw new ArgumentException($"DeepFmOptions '{Name}' turns every part off: set at least one of UseFirstOrder, UseFm, UseDnn.");
        if (EmbeddingDimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(EmbeddingDimension), $"EmbeddingDimension must be positive, got {EmbeddingDimension}.");
        if (HiddenUnits.Any(units => units <= 0))
            throw new ArgumentOutOfRangeException(nameof(HiddenUnits), $"HiddenUnits must all be positive, got [{string.Join(", ", HiddenUnits)}].");
    }
}
