using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The second-order term of a factorization machine: the sum of the dot products of every pair of field embeddings,
/// Σ_{i&lt;j} ⟨v_i, v_j⟩ (Rendle 2010, "Factorization Machines", Lemma 3.1; the FM component of DeepFM, Guo et al.
/// 2017, arXiv:1703.04247, Eq. 2, second part).
/// <para>Input: float32 [B, F, D], one embedding per field. Output: float32 [B, 1]. No weights of its own: it reads
/// the embeddings that the deep component also uses.</para>
/// </summary>
/// <remarks>
/// Summing over the F(F−1)/2 pairs costs O(F²D); the identity
/// Σ_{i&lt;j} ⟨v_i, v_j⟩ = ½ Σ_d [(Σ_f v_{f,d})² − Σ_f v_{f,d}²]
/// costs O(FD): the square of the sum holds every product v_i·v_j twice plus the squares, which are taken back off.
/// This is the original's <c>FM(factors=None)</c> layer and DeepCTR's <c>FM</c>.
/// </remarks>
public sealed class FactorizationMachine : Module<Tensor, Tensor>
{
    /// <summary>Creates the (weightless) pairwise-interaction layer.</summary>
    public FactorizationMachine() : base(nameof(FactorizationMachine))
    {
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor fieldEmbeddings)
    {
        if (fieldEmbeddings.dim() != 3)
            throw new ArgumentException(
                $"FactorizationMachine expects field embeddings of shape [B, F, D] but got [{string.Join(", ", fieldEmbeddings.shape)}].",
                nameof(fieldEmbeddings));

        var fieldSum = fieldEmbeddings.sum(dim: 1);                          // [B, D]
        var squareOfSum = fieldSum.square();                                 // [B, D]
        var sumOfSquares = fieldEmbeddings.square().sum(dim: 1);             // [B, D]
        var pairwiseInteractions = 0.5 * (squareOfSum - sumOfSquares);       // [B, D]
        return pairwiseInteractions.sum(dim: 1, keepdim: true);              // [B, 1]
    }
}
