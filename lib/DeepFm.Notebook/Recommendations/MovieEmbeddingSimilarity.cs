using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Recommendations;

/// <summary>
/// Movies the model sees as alike: the cosine similarity cos(e_a, e_b) = e_a·e_b / (‖e_a‖ ‖e_b‖) of the learned
/// movie_id embedding rows (float32 [movies, D]). FM and DeepFM score a (user, movie) pair through the dot products
/// of the movie's vector with the user's field vectors (Guo et al. 2017, arXiv:1703.04247, Eq. 3), so two movies
/// with parallel vectors interact with every user in the same way, whatever the length of the vectors.
/// </summary>
internal static class MovieEmbeddingSimilarity
{
    /// <summary>
    /// A copy of the movie_id block of the model's field embeddings, float32 [movies, D]; throws when the model has
    /// none (logistic regression learns one number per movie, not a vector).
    /// </summary>
    public static Tensor MovieEmbeddings(DeepFmModel model)
    {
        FieldEmbeddings fieldEmbeddings = model.FieldEmbeddings
            ?? throw new InvalidOperationException(
                $"Model '{model.Options.Name}' has no movie embeddings to compare. Logistic regression learns one weight " +
                "per movie, not a vector; use an FM, DNN or DeepFM model for similar movies.");
        using var movieBlock = fieldEmbeddings.TableOf(model.Schema.MovieIdField);
        return movieBlock.detach().clone();
    }

    /// <summary>cos(e_movie, e_m) for every movie m, float[movies] (0 against a zero vector, not NaN).</summary>
    public static float[] CosineToAll(DeepFmModel model, int movie)
    {
        using var scope = torch.NewDisposeScope();
        using var noGradients = torch.no_grad();
        Tensor embeddings = MovieEmbeddings(model);                                              // [M, D]
        Tensor query = embeddings[movie].unsqueeze(0);                                           // [1, D]
        Tensor similarities = nn.functional.cosine_similarity(embeddings, query, dim: 1, eps: 1e-8); // [M]
        return similarities.data<float>().ToArray();
    }
}
