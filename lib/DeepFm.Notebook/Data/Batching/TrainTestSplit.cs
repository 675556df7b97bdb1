namespace DeepFm.Notebook.Data;

/// <summary>
/// The original's split: shuffle all ratings once with seed 42, take the first 80,000 for training and the next
/// 20,000 for testing. The permutation is <see cref="SeededShuffle"/>'s, not TensorFlow's, so the sizes and the
/// seeded determinism match the original but the rows in each part do not.
/// </summary>
public sealed class TrainTestSplit
{
    /// <summary>The original's values: seed 42, 80,000 train, 20,000 test.</summary>
    public const int DefaultSeed = 42, DefaultTrainCount = 80_000, DefaultTestCount = 20_000;

    private TrainTestSplit(EncodedRatings train, EncodedRatings test, int[] trainRows, int[] testRows)
    {
        Train = train;
        Test = test;
        TrainRows = trainRows;
        TestRows = testRows;
    }

    /// <summary>Training examples, in shuffled order.</summary>
    public EncodedRatings Train { get; }

    /// <summary>Test examples, in shuffled order.</summary>
    public EncodedRatings Test { get; }

    /// <summary>For each training example, its row in the full set (and so in <see cref="MovieLens100k.Ratings"/>).</summary>
    public IReadOnlyList<int> TrainRows { get; }

    /// <summary>For each test example, its row in the full set.</summary>
    public IReadOnlyList<int> TestRows { get; }

    /// <summary>Shuffles <paramref name="all"/> with <paramref name="seed"/> and cuts it into train and test parts.</summary>
    public static TrainTestSplit Create(EncodedRatings all, int trainCount = DefaultTrainCount,
        int testCount = DefaultTestCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        if (trainCount + testCount > all.Count)
        {
            throw new ArgumentException(
                $"Cannot take {trainCount:N0} training and {testCount:N0} test examples from {all.Count:N0} ratings.");
        }
        int[] shuffled = SeededShuffle.Permutation(all.Count, seed);
        int[] trainRows = shuffled[..trainCount];
        int[] testRows = shuffled[trainCount..(trainCount + testCount)];
        return new TrainTestSplit(all.Subset(trainRows), all.Subset(testRows), trainRows, testRows);
    }
}
