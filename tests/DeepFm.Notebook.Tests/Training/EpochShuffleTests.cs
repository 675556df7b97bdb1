using DeepFm.Notebook.Data;
using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// A fresh shuffle every epoch, as <see cref="TrainerOptions.Seed"/> documents: epoch e walks the training split in
/// the order drawn from <c>Seed + e</c>, and the validation split in its stored order.
/// </summary>
public class EpochShuffleTests
{
    /// <summary>Passes batches through and remembers the shuffle seed of every walk.</summary>
    private sealed class SeedRecordingSource(IBatchSource inner) : IBatchSource
    {
        public List<int?> Seeds { get; } = [];

        public int Count => inner.Count;

        public FeatureSchema Schema => inner.Schema;

        public IEnumerable<FeatureBatch> Batches(int batchSize, int? shuffleSeed = null)
        {
            Seeds.Add(shuffleSeed);
            return inner.Batches(batchSize, shuffleSeed);
        }
    }

    [Fact]
    public void EpochEShufflesWithSeedPlusEAndValidationKeepsTheStoredOrder()
    {
        using var trainRows = TrainingFixture.World.Sample(300, sampleSeed: 11);
        using var testRows = TrainingFixture.World.Sample(100, sampleSeed: 12);
        var train = new SeedRecordingSource(trainRows);
        var test = new SeedRecordingSource(testRows);
        using var model = TrainingFixture.NewModel();
        var options = TrainingFixture.QuickOptions with { Epochs = 4, ValidateEvery = 2, Seed = 7 };

        Trainer.Fit(model, train, test, options, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal([8, 9, 10, 11], train.Seeds);   // 7 + 1, 7 + 2, …: a new order every epoch
        Assert.Equal([null, null], test.Seeds);       // validations after epochs 2 and 4, unshuffled
    }

    [Fact]
    public void ConsecutiveEpochSeedsGiveDifferentOrdersOfTheSameRows()
    {
        // The seeds above only help if neighbouring seeds give unrelated orders (SplitMix64 mixes them apart).
        int[] epoch1 = SeededShuffle.Permutation(80_000, 42 + 1), epoch2 = SeededShuffle.Permutation(80_000, 42 + 2);
        Assert.Equal(epoch1.Order(), epoch2.Order());
        int samePlace = epoch1.Zip(epoch2).Count(pair => pair.First == pair.Second);
        Assert.True(samePlace < 10, $"{samePlace} of 80,000 rows keep their place from one epoch to the next (≈ 1 expected)");
    }
}
