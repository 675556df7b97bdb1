using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;

namespace DeepFm.Notebook.Tests.Evaluation;

public class ValidationSplitTests
{
    [Fact]
    public void ValidationIsCarvedOutOfTheTrainingRatingsAndTheTestSplitIsUntouched()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        TrainTestSplit split = features.Split(trainCount: 8, testCount: 2);

        ValidationSplit three = ValidationSplit.Create(split, validationFraction: 0.25, seed: 5);

        Assert.Equal(6, three.Train.Count);        // 8 − round(0.25 × 8)
        Assert.Equal(2, three.Validation.Count);
        Assert.Same(split.Test, three.Test);
        Assert.Equal(split.TestRows, three.TestRows);
        // Train and validation partition the original training rows; none is a test row.
        Assert.Equal(split.TrainRows.Order(), three.TrainRows.Concat(three.ValidationRows).Order());
        Assert.Empty(three.ValidationRows.Intersect(split.TestRows));
        // The validation rows are the first positions of a permutation seeded with 5, as documented.
        int[] positions = SeededShuffle.Permutation(8, 5);
        Assert.Equal(positions[..2].Select(position => split.TrainRows[position]), three.ValidationRows);
        for (int i = 0; i < three.Validation.Count; i++)
        {
            int row = three.ValidationRows[i];
            Assert.Equal(features.Ratings.CategoricalRow(row).ToArray(), three.Validation.CategoricalRow(i).ToArray());
            Assert.Equal(features.Ratings.Labels[row], three.Validation.Labels[i]);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameSplitAndAnotherSeedAnother()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        TrainTestSplit split = features.Split(trainCount: 8, testCount: 2);
        Assert.Equal(ValidationSplit.Create(split, 0.5, seed: 1).ValidationRows, ValidationSplit.Create(split, 0.5, seed: 1).ValidationRows);
        Assert.NotEqual(ValidationSplit.Create(split, 0.5, seed: 1).ValidationRows, ValidationSplit.Create(split, 0.5, seed: 2).ValidationRows);
    }

    [Fact]
    public void TheDefaultIsTenPercentAndImpossibleFractionsAreRejected()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        TrainTestSplit split = features.Split(trainCount: 10, testCount: 0);
        ValidationSplit tenPercent = ValidationSplit.Create(split);
        Assert.Equal(1, tenPercent.Validation.Count);
        Assert.Equal("9 training / 1 validation / 0 test ratings", tenPercent.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Create(split, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Create(split, 1));
        Assert.Throws<ArgumentException>(() => ValidationSplit.Create(split, 0.01));   // rounds to no validation rating
    }
}
