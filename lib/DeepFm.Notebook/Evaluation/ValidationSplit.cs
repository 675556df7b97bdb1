using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Evaluation;

/// <summary>
/// A protocol that does not peek at the test split: a seeded 10 % of the 80,000 training ratings is set aside as a
/// validation split, and every choice — the epoch, early stopping, which variant — is made on it. The models train
/// on the remaining 72,000 ratings, and the 20,000 test ratings are scored once per run, at the chosen epoch.
/// <para>The test split is exactly the original's (<see cref="TrainTestSplit"/>), so test numbers stay comparable
/// with notebook 04; only the training part shrinks by the validation ratings.</para>
/// </summary>
public sealed class ValidationSplit
{
    /// <summary>The share of the training ratings set aside for validation.</summary>
    public const double DefaultValidationFraction = 0.1;

    /// <summary>Seeds the choice of validation ratings (the same value as the train/test split's seed).</summary>
    public const int DefaultSeed = 42;

    private ValidationSplit(TrainTestSplit source, EncodedRatings train, EncodedRatings validation, int[] trainRows,
        int[] validationRows)
    {
        Source = source;
        Train = train;
        Validation = validation;
        TrainRows = trainRows;
        ValidationRows = validationRows;
    }

    /// <summary>The train/test split the validation ratings were carved from.</summary>
    public TrainTestSplit Source { get; }

    /// <summary>The ratings the models learn from (72,000 of the original 80,000).</summary>
    public EncodedRatings Train { get; }

    /// <summary>The ratings every choice is made on (8,000 of the original 80,000).</summary>
    public EncodedRatings Validation { get; }

    /// <summary>The test ratings (the original's 20,000), scored once per run.</summary>
    public EncodedRatings Test => Source.Test;

    /// <summary>For each training example, its row in the full set (and so in <see cref="MovieLens100k.Ratings"/>).</summary>
    public IReadOnlyList<int> TrainRows { get; }

    /// <summary>For each validation example, its row in the full set.</summary>
    public IReadOnlyList<int> ValidationRows { get; }

    /// <summary>For each test example, its row in the full set.</summary>
    public IReadOnlyList<int> TestRows => Source.TestRows;

    /// <summary>
    /// Sets aside round(<paramref name="validationFraction"/> × training count) of <paramref name="split"/>'s
    /// training ratings, chosen by a permutation seeded with <paramref name="seed"/>; the rest stays for training.
    /// </summary>
    public static ValidationSplit Create(TrainTestSplit split, double validationFraction = DefaultValidationFraction,
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                "The validation fraction must lie strictly between 0 and 1 (for example 0.1 for 10 %).");
        int trainCount = split.Train.Count;
        int validationCount = (int)Math.Round(validationFraction * trainCount, MidpointRounding.AwayFromZero);
        if (validationCount < 1 || validationCount >= trainCount)
            throw new ArgumentException(
                $"{validationFraction:P0} of {trainCount:N0} training ratings leaves an empty validation or training part.",
                nameof(validationFraction));

        // Positions inside the training split, shuffled; the first ones become the validation split.
        int[] positions = SeededShuffle.Permutation(trainCount, seed);
        int[] validationPositions = positions[..validationCount];
        int[] trainPositions = positions[validationCount..];
        int[] RowsOf(int[] chosen) => chosen.Select(position => split.TrainRows[position]).ToArray();
        return new ValidationSplit(split, split.Train.Subset(trainPositions), split.Train.Subset(validationPositions),
            RowsOf(trainPositions), RowsOf(validationPositions));
    }

    /// <summary>For example "72,000 training / 8,000 validation / 20,000 test ratings".</summary>
    public override string ToString() =>
        $"{Train.Count:N0} training / {Validation.Count:N0} validation / {Test.Count:N0} test ratings";
}
