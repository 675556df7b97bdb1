using DeepFm.Notebook.Model;
using DeepFm.Notebook.Tests.Model;
using DeepFm.Notebook.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

/// <summary>
/// Trains two copies of the same small DeepFM for five steps on the same random batches, one with a flat optimiser of
/// ours and one with TorchSharp's own, and asserts that every weight ends up equal to 1e-6.
/// </summary>
internal static class OptimizerEquality
{
    public static readonly DeepFmOptions SmallDeepFm = DeepFmOptions.DeepFm with { EmbeddingDimension = 8, HiddenUnits = [16, 8] };

    /// <summary>Returns the flat-trained model (the caller disposes it) after the weight-by-weight check.</summary>
    public static DeepFmModel AssertFiveStepsEqual(
        Func<IEnumerable<Parameter>, IFlatOptimizer> flatOptimizer, Func<IEnumerable<Parameter>, optim.Optimizer> reference)
    {
        var schema = ModelTestData.MovieLens100kSchema();
        var flatModel = new DeepFmModel(schema, SmallDeepFm, seed: 31);   // outlives the scope: the caller keeps it
        using var scope = torch.NewDisposeScope();
        using var referenceModel = new DeepFmModel(schema, SmallDeepFm, seed: 31);
        using var flat = flatOptimizer(flatModel.parameters());
        using var referenceOptimizer = reference(referenceModel.parameters());

        for (int step = 0; step < 5; step++)
        {
            using var batch = ModelTestData.RandomBatch(schema, batchSize: 64, seed: 100 + step);
            flat.ZeroGrad();
            nn.functional.binary_cross_entropy_with_logits(flatModel.Logits(batch), batch.Labels).backward();
            flat.Step();
            referenceOptimizer.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(referenceModel.Logits(batch), batch.Labels).backward();
            referenceOptimizer.step();
        }

        var expected = referenceModel.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in flatModel.named_parameters())
        {
            double largestDifference = (parameter - expected[name]).abs().max().item<float>();
            Assert.True(largestDifference <= 1e-6, $"{name} differs by {largestDifference:E2}");
        }
        return flatModel;
    }
}
