using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Model;

/// <summary>
/// DeepFM's logit taken apart (Guo et al. 2017, arXiv:1703.04247, Eq. 1: ŷ = sigmoid(y_FM + y_DNN), where y_FM is the
/// first-order term plus the pairwise interactions of Eq. 2). Each part is float32 [B], one logit per example, or
/// null when the model variant has no such part (logistic regression has only <see cref="FirstOrder"/>).
/// </summary>
/// <param name="FirstOrder">⟨w, x⟩ + b over the one-hot fields (<see cref="FirstOrderWeights"/>).</param>
/// <param name="Fm">Σ_{i&lt;j} ⟨v_i, v_j⟩ over the dense fields (<see cref="FactorizationMachine"/>).</param>
/// <param name="Dnn">The MLP's output over the flattened dense fields (<see cref="Mlp"/>).</param>
public sealed record LogitParts(Tensor? FirstOrder, Tensor? Fm, Tensor? Dnn)
{
    /// <summary>The parts the variant has, as (name, float32 [B]) pairs in the order of the formula.</summary>
    public IReadOnlyList<(string Name, Tensor Logit)> Present =>
        new (string Name, Tensor? Logit)[] { ("first order", FirstOrder), ("FM", Fm), ("DNN", Dnn) }
            .Where(part => part.Logit is not null)
            .Select(part => (part.Name, part.Logit!))
            .ToList();

    /// <summary>The model's logit, float32 [B]: the sum of the parts that are present.</summary>
    public Tensor Sum()
    {
        // Written out rather than with Present: this runs on every training step, and allocates nothing managed.
        Tensor? sum = FirstOrder;
        if (Fm is not null) sum = sum is null ? Fm : sum + Fm;
        if (Dnn is not null) sum = sum is null ? Dnn : sum + Dnn;
        return sum ?? throw new InvalidOperationException("A model has at least one logit part; this LogitParts has none.");
    }
}
