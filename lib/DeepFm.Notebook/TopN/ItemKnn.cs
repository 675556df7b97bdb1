using static TorchSharp.torch;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// Item-to-item collaborative filtering as microsoft/recommenders' SAR computes it: co-occurrence counts
/// C = XᵀX (C_ij = users who rated both i and j, C_ii = users who rated i), turned into the Jaccard similarity
/// <code>S_ij = C_ij / (C_ii + C_jj − C_ij)</code>
/// (the share of the users of either movie who rated both), and a user's score for movie j is
/// (X·S)_uj = Σ_{i rated by u} S_ij — the summed similarity of j to everything the user rated. With
/// <c>neighbours</c> only the most similar movies of each movie j count (the k of "item-kNN"); without, all do (SAR).
/// </summary>
public sealed class ItemKnn
{
    private readonly float[] similarities;   // S, row-major [movies, movies]

    private ItemKnn(int movies, int? neighbours, float[] similarities)
    {
        MovieCount = movies;
        Neighbours = neighbours;
        this.similarities = similarities;
    }

    /// <summary>Movies (rows and columns of S).</summary>
    public int MovieCount { get; }

    /// <summary>Neighbours kept per movie; null keeps them all.</summary>
    public int? Neighbours { get; }

    /// <summary>S_ij, the Jaccard similarity of movies <paramref name="i"/> and <paramref name="j"/> (0 when cut).</summary>
    public float Similarity(int i, int j) => similarities[i * MovieCount + j];

    /// <summary>Computes S from <paramref name="interactions"/>; <paramref name="neighbours"/> keeps each movie's most similar.</summary>
    public static ItemKnn Fit(InteractionMatrix interactions, int? neighbours = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (neighbours is int count && (count < 1 || count > interactions.MovieCount))
            throw new ArgumentOutOfRangeException(nameof(neighbours), count,
                $"Keep between 1 and {interactions.MovieCount} neighbours, or null for all.");
        using var scope = NewDisposeScope();
        Tensor x = interactions.ToTensor();                                          // [U, M]
        Tensor cooccurrence = x.t().matmul(x);                                       // C [M, M]
        Tensor raters = cooccurrence.diagonal();                                     // C_ii [M]
        Tensor union = raters.unsqueeze(1) + raters.unsqueeze(0) - cooccurrence;     // C_ii + C_jj − C_ij
        Tensor jaccard = cooccurrence / union.clamp_min(1);                          // 0 for two unrated movies, not NaN
        if (neighbours is int k)
        {
            // Column j scores movie j: keep its k largest S_ij over i (the movie itself, S_jj = 1, is one of them).
            Tensor nearest = jaccard.topk(k, dim: 0).indexes;                        // [k, M]
            Tensor kept = zeros_like(jaccard).scatter_(0, nearest, ones(nearest.shape, dtype: jaccard.dtype));
            jaccard = jaccard * kept;
        }
        return new ItemKnn(interactions.MovieCount, neighbours, jaccard.to_type(ScalarType.Float32).contiguous().data<float>().ToArray());
    }

    /// <summary>X·S for the users of <paramref name="interactions"/>.</summary>
    public ScoreMatrix Score(InteractionMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (interactions.MovieCount != MovieCount)
            throw new ArgumentException(
                $"Item-kNN was fitted on {MovieCount} movies, the interactions have {interactions.MovieCount}.", nameof(interactions));
        using var scope = NewDisposeScope();
        Tensor s = tensor(similarities, [MovieCount, MovieCount]).to_type(ScalarType.Float64);
        return ScoreMatrix.FromTensor(interactions.ToTensor().matmul(s));
    }
}
