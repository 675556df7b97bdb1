using DeepFm.Notebook.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// The movie's genres as one more dense field (extended schema, notebook 06): the mean of the embeddings of the
/// movie's genres, a multi-hot field turned into one D-vector as DeepFM needs (Guo et al. 2017, arXiv:1703.04247,
/// §2.1: every field, whatever its width, is embedded to the same D).
/// <para>Input: int64 [B] movie indices (the <c>movie_id</c> column of <see cref="FeatureBatch.Categorical"/>).
/// Output: float32 [B, D], the mean of the embeddings of each movie's genres.</para>
/// </summary>
/// <remarks>
/// Genres belong to the movie, so the module holds every movie's bag (<see cref="MovieGenreBags"/>, int64
/// [movies, G], a constant buffer) and looks a batch's bags up by movie. The mean over the bag is
/// <c>EmbeddingBag(mode: Mean, padding_idx: 0)</c>, as for the title (<see cref="MaskedTitleEmbedding"/>): a
/// comedy-drama gets ½(e_comedy + e_drama). Initialised uniform(−0.05, 0.05), like the title's Keras embedding.
/// </remarks>
public sealed class MovieGenreEmbedding : Module<Tensor, Tensor>
{
    private readonly EmbeddingBag genreEmbeddings;
    private readonly Tensor genreBagsOfMovies;

    /// <summary>Creates a (19 genres + padding) × <paramref name="dimension"/> table for the given bags.</summary>
    public MovieGenreEmbedding(MovieGenreBags bags, int dimension, Generator generator) : base(nameof(MovieGenreEmbedding))
    {
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), $"Embedding dimension must be positive, got {dimension}.");

        MovieCount = bags.MovieCount;
        genreEmbeddings = EmbeddingBag(bags.VocabularySize, dimension, mode: EmbeddingBagMode.Mean, padding_index: MovieGenreBags.PaddingId);
        using (var weight = genreEmbeddings.weight!)
            Initializers.FillUniform(weight, -0.05, 0.05, generator);
        // The bags are data, not weights: a buffer moves with the model but is neither trained nor saved.
        genreBagsOfMovies = torch.tensor(bags.Ids, [bags.MovieCount, bags.Length]);
        register_buffer(nameof(genreBagsOfMovies), genreBagsOfMovies, persistent: false);
        RegisterComponents();
    }

    /// <summary>Number of movies whose bags the module holds.</summary>
    public int MovieCount { get; }

    /// <summary>The genre table, float32 [20, D]; row g + 1 is genre g of <see cref="MovieLensGenres.Names"/>, row 0 padding.</summary>
    public Parameter Weights => genreEmbeddings.weight!;

    /// <inheritdoc />
    public override Tensor forward(Tensor movieIndices)
    {
        var bags = genreBagsOfMovies.index_select(0, movieIndices);   // [B, G], 0 = padding
        return genreEmbeddings.call(bags, null, null);                 // [B, D]
    }
}
