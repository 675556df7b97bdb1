namespace DeepFm.Notebook.TopN;

/// <summary>
/// Draws "did not watch" examples for implicit feedback: movies a user has not rated, with probability
/// <code>p(m) ∝ n_m^α   over the movies m the user has not rated</code>
/// where n_m is how many users rated m in <see cref="InteractionMatrix"/> and α the popularity exponent: α = 0 draws
/// uniformly (every unrated movie is an equally likely negative), α = 1 in proportion to popularity (a popular
/// movie the user skipped says more about the user than an obscure one), word2vec uses 0.75. Draws are by
/// rejection: a draw the user rated is thrown away and drawn again, so a negative is never a rated movie.
/// </summary>
public sealed class NegativeSampler
{
    private readonly InteractionMatrix rated;
    private readonly double[] cumulative;   // cumulative[m] = Σ_{i ≤ m} n_i^α

    /// <summary>Samples for the users of <paramref name="rated"/>, never a movie they rated there.</summary>
    public NegativeSampler(InteractionMatrix rated, double popularityExponent = 0)
    {
        ArgumentNullException.ThrowIfNull(rated);
        if (!(popularityExponent >= 0) || double.IsInfinity(popularityExponent))
            throw new ArgumentOutOfRangeException(nameof(popularityExponent), popularityExponent,
                "The popularity exponent α must be 0 (uniform) or positive (1: in proportion to popularity).");
        this.rated = rated;
        PopularityExponent = popularityExponent;
        cumulative = new double[rated.MovieCount];
        double total = 0;
        for (int movie = 0; movie < rated.MovieCount; movie++)
        {
            // With α > 0 a movie nobody rated has weight 0 and is never drawn; with α = 0 every movie weighs 1.
            total += popularityExponent == 0 ? 1 : Math.Pow(rated.RatingCounts[movie], popularityExponent);
            cumulative[movie] = total;
        }
    }

    /// <summary>α: 0 uniform, 1 in proportion to popularity.</summary>
    public double PopularityExponent { get; }

    /// <summary>The movies never drawn for anyone's negatives are those the user rated.</summary>
    public InteractionMatrix Rated => rated;

    /// <summary>
    /// Fills <paramref name="negatives"/> with movies <paramref name="user"/> did not rate, drawn independently
    /// (a movie may come twice); throws when the user rated every movie that can be drawn.
    /// </summary>
    public void Sample(int user, Span<int> negatives, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (negatives.IsEmpty) return;
        double total = cumulative[^1];
        int attempts = 0;
        for (int i = 0; i < negatives.Length; i++)
        {
            int movie;
            do
            {
                if (++attempts > 1_000 * (negatives.Length + 10)) ThrowNothingToDraw(user);
                movie = Array.BinarySearch(cumulative, random.NextDouble() * total);
                if (movie < 0) movie = ~movie;                    // the first movie whose cumulative weight exceeds the draw
                if (movie >= cumulative.Length) movie = cumulative.Length - 1;
            }
            while (rated.Contains(user, movie) || Weight(movie) == 0);
            negatives[i] = movie;
        }
    }

    private double Weight(int movie) => cumulative[movie] - (movie == 0 ? 0 : cumulative[movie - 1]);

    private void ThrowNothingToDraw(int user)
    {
        bool anyLeft = Enumerable.Range(0, rated.MovieCount).Any(movie => !rated.Contains(user, movie) && Weight(movie) > 0);
        throw new InvalidOperationException(anyLeft
            ? $"User {user} has almost no movie left to draw as a negative; lower the popularity exponent or the negatives per positive."
            : $"User {user} rated every movie that can be drawn (popularity exponent {PopularityExponent}); there is no negative to sample.");
    }
}
