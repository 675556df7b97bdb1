using static TorchSharp.torch;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// EASE, the "embarrassingly shallow autoencoder" (Steck 2019, arXiv:1905.03375): one movie × movie weight matrix B
/// with a zero diagonal, fitted in closed form so that X·B reproduces the interaction matrix X, with an L2 penalty λ:
/// <code>min_B ‖X − X·B‖² + λ‖B‖²  subject to diag(B) = 0
/// P = (XᵀX + λI)⁻¹,   B = I − P·diag(1 / diag(P))   i.e. B_ij = −P_ij / P_jj (i ≠ j), B_jj = 0</code>
/// A user's score for movie j is (X·B)_uj = Σ_{i rated by u} B_ij: how strongly the movies the user rated predict j.
/// For MovieLens-100k the inverse is of a 1,682 × 1,682 matrix, computed in float64 in well under a second.
/// </summary>
public sealed class Ease
{
    private readonly double[] weights;   // B, row-major [movies, movies]

    private Ease(double lambda, int movies, double[] weights)
    {
        Lambda = lambda;
        MovieCount = movies;
        this.weights = weights;
    }

    /// <summary>The L2 penalty λ the weights were fitted with.</summary>
    public double Lambda { get; }

    /// <summary>Movies (rows and columns of B).</summary>
    public int MovieCount { get; }

    /// <summary>B_ij: how much having rated movie <paramref name="from"/> adds to the score of <paramref name="to"/>.</summary>
    public double Weight(int from, int to) => weights[from * MovieCount + to];

    /// <summary>Fits B on <paramref name="interactions"/> with penalty <paramref name="lambda"/> (&gt; 0; Steck uses a few hundred).</summary>
    public static Ease Fit(InteractionMatrix interactions, double lambda)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (!(lambda > 0) || double.IsInfinity(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "EASE's λ must be a positive finite number (for example 500).");
        using var scope = NewDisposeScope();
        Tensor x = interactions.ToTensor();                                          // [U, M] float64
        Tensor gram = x.t().matmul(x);                                               // XᵀX
        gram.diagonal().add_(lambda);                                                // + λI
        Tensor p = linalg.inv(gram);                                                 // [M, M]
        Tensor identity = eye(interactions.MovieCount, dtype: ScalarType.Float64);
        Tensor b = identity - p / p.diagonal().unsqueeze(0);                         // I − P·diag(1/diag(P)): B_jj = 0
        return new Ease(lambda, interactions.MovieCount, b.contiguous().data<double>().ToArray());
    }

    /// <summary>X·B for the users of <paramref name="interactions"/> (the movies they rated score too; tasks skip them).</summary>
    public ScoreMatrix Score(InteractionMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (interactions.MovieCount != MovieCount)
            throw new ArgumentException(
                $"EASE was fitted on {MovieCount} movies, the interactions have {interactions.MovieCount}.", nameof(interactions));
        using var scope = NewDisposeScope();
        Tensor b = tensor(weights, [MovieCount, MovieCount]);
        return ScoreMatrix.FromTensor(interactions.ToTensor().matmul(b));
    }
}
