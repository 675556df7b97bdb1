using System.Globalization;

namespace DeepFm.Notebook.Baselines;

/// <summary>
/// The settings of ML.NET's field-aware factorization machine that the validation split chooses from (its
/// <c>FieldAwareFactorizationMachineTrainer.Options</c>; ML.NET's defaults: 5 iterations, latent dimension 20,
/// learning rate 0.1, both λ 1e-4). ML.NET trains with per-example Adagrad; one iteration is one pass over the
/// training ratings. Features are normalised per field (each field's vector to unit length), ML.NET's default.
/// </summary>
/// <param name="Iterations">Passes over the training ratings.</param>
/// <param name="LatentDimension">k: the length of each latent vector (DeepFM's embedding size is 32).</param>
/// <param name="LearningRate">Adagrad's initial learning rate.</param>
/// <param name="Lambda">The L2 penalty of both the linear and the latent weights (ML.NET's LambdaLinear, LambdaLatent).</param>
public sealed record FieldAwareFmOptions(int Iterations = 5, int LatentDimension = 32, float LearningRate = 0.1f, float Lambda = 1e-4f)
{
    /// <summary>For example "FFM k = 32, 5 iterations, lr 0.1, λ 1e-04".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"FFM k = {LatentDimension}, {Iterations} iteration{(Iterations == 1 ? "" : "s")}, lr {LearningRate}, λ {Lambda:0e+00}");
}
