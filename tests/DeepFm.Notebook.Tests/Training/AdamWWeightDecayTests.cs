using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// <see cref="TrainerOptions.WeightDecay"/> reaches the optimiser the trainer builds, as PyTorch's AdamW
/// (torch.optim.AdamW, "decoupled" decay) defines it. Its step t, with lr the learning rate and λ the decay:
/// <code>
/// θ ← θ − lr·λ·θ                                     (decay first, on the weights, not on the gradient)
/// m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²
/// θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
/// </code>
/// The gradient g of the first step is taken at θ₀, before any update, so it is the same with and without decay;
/// subtracting the two first steps leaves the decay alone: θ₁(λ) − θ₁(0) = −lr·λ·θ₀. A weight whose gradient is 0
/// (an embedding row no example of the batch uses) has m = v = 0, so Adam leaves it and only the decay moves it:
/// θ₁ = (1 − lr·λ)·θ₀.
/// </summary>
public class AdamWWeightDecayTests
{
    private const double LearningRate = 0.05;
    private const double WeightDecay = 2.0;

    [Fact]
    public void OneTrainerStepShrinksEveryWeightByLrTimesLambdaOfItself()
    {
        float[] initial = FirstStep(weightDecay: 0, out float[] withoutDecay);
        FirstStep(WeightDecay, out float[] withDecay);

        Assert.Equal(initial.Length, withDecay.Length);
        for (int i = 0; i < initial.Length; i++)
        {
            double expectedShift = -LearningRate * WeightDecay * initial[i];
            Assert.True(Math.Abs(withDecay[i] - withoutDecay[i] - expectedShift) <= 1e-6,
                $"weight {i}: θ₁(λ) − θ₁(0) = {withDecay[i] - withoutDecay[i]:G6}, AdamW's decay gives −lr·λ·θ₀ = {expectedShift:G6}");
        }
    }

    [Fact]
    public void AWeightWithoutGradientIsOnlyDecayed()
    {
        float[] initial = FirstStep(weightDecay: 0, out float[] withoutDecay);
        FirstStep(WeightDecay, out float[] withDecay);

        // Weights the batch does not touch: Adam alone leaves them exactly where they were.
        int[] untouched = Enumerable.Range(0, initial.Length).Where(i => withoutDecay[i] == initial[i] && initial[i] != 0).ToArray();
        Assert.True(untouched.Length > 10, $"the batch should leave many embedding rows without gradient, found {untouched.Length}");
        foreach (int i in untouched)
            Assert.Equal((1 - LearningRate * WeightDecay) * initial[i], withDecay[i], 1e-7);
    }

    // One optimiser step of the trainer (one epoch of one batch) on a fresh model of a fixed seed; returns the weights
    // before the step and, in after, the weights after it, every parameter flattened in registration order.
    private static float[] FirstStep(double weightDecay, out float[] after)
    {
        using var train = TrainingFixture.World.Sample(8, sampleSeed: 5);
        using var model = TrainingFixture.NewModel(seed: 4);
        float[] before = Weights(model);
        var options = TrainingFixture.QuickOptions with
        {
            Optimizer = OptimizerKind.AdamW, LearningRate = LearningRate, WeightDecay = weightDecay, TrainBatchSize = 8,
        };
        using (var trainer = new Trainer(model, options))
            trainer.TrainEpoch(train, epoch: 1, TestContext.Current.CancellationToken);
        after = Weights(model);
        return before;
    }

    private static float[] Weights(nn.Module model) =>
        model.parameters().SelectMany(parameter => parameter.detach().cpu().data<float>().ToArray()).ToArray();
}
