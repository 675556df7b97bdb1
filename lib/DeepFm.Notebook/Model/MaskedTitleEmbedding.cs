using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The movie title as one more dense field: embed every token, then average over the real tokens only.
/// <para>Input: int64 [B, L] token ids (<see cref="FeatureBatch.TitleTokens"/>, 0 = padding, 1 = out-of-vocabulary).
/// Output: float32 [B, D], the mean of the embeddings of the non-padding tokens of each title.</para>
/// DeepFM (Guo et al. 2017, arXiv:1703.04247) needs every field as one D-vector; this is how the original turns a
/// variable-length title into one.
/// </summary>
/// <remarks>
/// Mirrors Keras <c>Embedding(vocabulary, D, mask_zero=True)</c> (uniform(−0.05, 0.05) init) followed by
/// <c>GlobalAveragePooling1D</c>, which honours the mask: mean = Σ_t m_t e_t / Σ_t m_t with m_t = [token_t ≠ 0].
/// Keras divides 0 by 0 for a title made only of padding and gets NaN; here such a title becomes the zero vector.
/// Row 0 of the table exists (the parameter count matches Keras) but is never read and never updated.
/// <para>The masked mean is computed by <c>EmbeddingBag(mode: Mean, padding_idx: 0)</c>, which skips padding ids
/// and averages the rest in one fused kernel: the same numbers as embedding, masking and dividing step by step, but
/// about 20× faster forward and backward (it was three quarters of a whole DeepFM training step).</para>
/// </remarks>
public sealed class MaskedTitleEmbedding : Module<Tensor, Tensor>
{
    /// <summary>The token id that marks padding.</summary>
    public const long PaddingId = 0;

    private readonly EmbeddingBag tokenEmbeddings;

    /// <summary>Creates a <paramref name="vocabularySize"/> × <paramref name="dimension"/> token table.</summary>
    public MaskedTitleEmbedding(int vocabularySize, int dimension, Generator generator)
        : base(nameof(MaskedTitleEmbedding))
    {
        if (vocabularySize < 2)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), $"The title vocabulary needs padding, OOV and at least one word; got size {vocabularySize}.");
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), $"Embedding dimension must be positive, got {dimension}.");

        VocabularySize = vocabularySize;
        tokenEmbeddings = EmbeddingBag(vocabularySize, dimension, mode: EmbeddingBagMode.Mean, padding_index: PaddingId);
        using (var weight = tokenEmbeddings.weight!)
            Initializers.FillUniform(weight, -0.05, 0.05, generator);
        RegisterComponents();
    }

    /// <summary>Number of token ids, padding and OOV included.</summary>
    public int VocabularySize { get; }

    /// <summary>
    /// Throws unless <paramref name="titleTokens"/> is int64 [B, L] with every id inside the vocabulary.
    /// <see cref="DeepFmModel"/> checks each batch once; call this when you use the module alone.
    /// </summary>
    public void CheckTokens(Tensor titleTokens) =>
        IndexInputChecks.RequireTokenIds(titleTokens, nameof(FeatureBatch.TitleTokens), VocabularySize);

    /// <inheritdoc />
    public override Tensor forward(Tensor titleTokens)
    {
        // Each row of titleTokens is one bag; the mean skips padding ids, and an all-padding row gives zeros.
        return tokenEmbeddings.call(titleTokens, null, null);                     // [B, D]
    }

    /// <summary>
    /// The same vectors as <c>forward</c>, float32 [B, D], computed once per distinct movie of the batch: a title
    /// belongs to its movie, so a batch of 2,048 ratings holds only about 800 different titles. Each distinct title
    /// is averaged once and every example gets its movie's vector (the gradient flows back the same way, summed per
    /// movie). <paramref name="movieIds"/> is int64 [B], the movie of each example.
    /// </summary>
    /// <remarks>
    /// If two examples with the same movie carry different tokens (a hand-made batch, not one from the data layer,
    /// which stores one title per movie), every example is averaged on its own instead: same result, no saving.
    /// </remarks>
    public Tensor OncePerMovie(Tensor titleTokens, Tensor movieIds)
    {
        var (distinctMovies, inverse, _) = torch.unique(movieIds, return_inverse: true);   // [U], [B]
        var movieOfExample = inverse!;
        // One example per distinct movie; which one does not matter, as they share the title.
        var exampleOfMovie = torch.empty(distinctMovies.shape[0], dtype: ScalarType.Int64)
            .scatter_(0, movieOfExample, torch.arange(movieIds.shape[0]));                      // [U]
        var distinctTitles = titleTokens.index_select(0, exampleOfMovie);                        // [U, L]
        if (!distinctTitles.index_select(0, movieOfExample).eq(titleTokens).all().item<bool>())
            return call(titleTokens);                                                            // [B, D]
        return call(distinctTitles).index_select(0, movieOfExample);                             // [U, D] → [B, D]
    }
}
