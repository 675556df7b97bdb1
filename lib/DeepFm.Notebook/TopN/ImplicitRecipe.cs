using DeepFm.Notebook.Model;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.TopN;

/// <summary>
/// How an implicit-feedback DeepFM is trained: the negatives drawn per rating, how they are drawn (the
/// <see cref="NegativeSampler"/>'s popularity exponent α: 0 uniform, 1 by popularity), the model's parts and the
/// trainer's schedule (its Seed is replaced by each run's).
/// </summary>
/// <param name="Name">For tables, for example "4 uniform negatives".</param>
/// <param name="NegativesPerPositive">Unrated movies drawn per rating, afresh every epoch.</param>
/// <param name="PopularityExponent">α of p(m) ∝ n_m^α over the user's unrated movies.</param>
/// <param name="Training">Optimiser, schedule, early stopping (on the validation AUC of watched vs. drawn movies).</param>
public sealed record ImplicitRecipe(string Name, int NegativesPerPositive, double PopularityExponent, TrainerOptions Training)
{
    /// <summary>Uniform negatives per validation rating: the same for every recipe, so their validation AUCs compare.</summary>
    public const int ValidationNegatives = 4;

    /// <summary>The model's parts (default: the original's DeepFM).</summary>
    public DeepFmOptions Model { get; init; } = DeepFmOptions.DeepFm;
}
