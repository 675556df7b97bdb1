using DeepFm.Notebook.Data;
using DeepFm.Notebook.Evaluation;

namespace DeepFm.Notebook.Tests.Evaluation;

public class ValidationSplitEmptyTrainingTests
{
    [Fact]
    public void A_fraction_that_rounds_to_every_training_rating_is_rejected()
    {
        using var data = FixtureFeatures.Load(out MovieLensFeatures features);
        TrainTestSplit split = features.Split(trainCount: 10, testCount: 0);

        // 0.96 × 10 = 9.6 rounds to 10 = every training rating: no rating would be left to train on.
        var error = Assert.Throws<ArgumentException>(() => ValidationSplit.Create(split, 0.96));
        Assert.Equal("validationFraction", error.ParamName);
        Assert.Contains("empty validation or training part", error.Message);
        // 0.94 × 10 = 9.4 rounds to 9: one training rating is left, which is allowed.
        Assert.Equal(1, ValidationSplit.Create(split, 0.94).Train.Count);
    }

    [Fact]
    public void A_missing_split_is_named()
    {
        Assert.Equal("split", Assert.Throws<ArgumentNullException>(() => ValidationSplit.Create(null!)).ParamName);
    }
}
