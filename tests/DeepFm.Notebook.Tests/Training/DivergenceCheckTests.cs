using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

public class DivergenceCheckTests
{
    [Fact]
    public void A_huge_learning_rate_stops_training_naming_the_epoch_and_the_learning_rate()
    {
        using var train = TrainingFixture.World.Sample(4000, sampleSeed: 10);
        using var test = TrainingFixture.World.Sample(1000, sampleSeed: 11);
        using var model = TrainingFixture.NewModel();
        var options = TrainingFixture.QuickOptions with { LearningRate = 1e6 };

        var error = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(model, train, test, options, cancellation: TestContext.Current.CancellationToken));

        Assert.Equal(1e6, error.LearningRate);
        Assert.Contains($"epoch {error.Epoch}", error.Message);
        Assert.Contains("1000000", error.Message);
        Assert.Contains("TrainerOptions.LearningRate", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(7.0)]      // > 10 × ln 2 ≈ 6.93
    [InlineData(1.3e13)]   // what a learning rate of 1e6 reached, before this check
    public void A_loss_that_is_not_finite_or_exploded_is_divergence(double loss)
    {
        var error = Assert.Throws<TrainingDivergedException>(() => DivergenceCheck.Require(loss, epoch: 3, learningRate: 0.5));
        Assert.Equal(3, error.Epoch);
        Assert.Contains("epoch 3", error.Message);
        Assert.Contains("0.5", error.Message);
    }

    [Theory]
    [InlineData(0.693)]    // always 50 %
    [InlineData(0.45)]
    [InlineData(6.9)]      // bad, but not yet ten times guessing
    public void A_usable_loss_passes(double loss) => DivergenceCheck.Require(loss, epoch: 1, learningRate: 0.1);

    [Fact]
    public void An_infinite_or_nan_logit_is_divergence()
    {
        Assert.Throws<TrainingDivergedException>(() => DivergenceCheck.RequireFinite([0.1f, float.NaN], 2, 0.1));
        Assert.Throws<TrainingDivergedException>(() => DivergenceCheck.RequireFinite([float.NegativeInfinity], 2, 0.1));
        DivergenceCheck.RequireFinite([0.1f, -40f], 2, 0.1);
    }
}
