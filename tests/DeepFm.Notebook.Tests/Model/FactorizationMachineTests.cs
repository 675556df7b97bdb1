using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

public class FactorizationMachineTests
{
    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(16, 6, 32)]
    [InlineData(2, 11, 4)]
    public void EqualsBruteForceSumOverAllFieldPairs(int batchSize, int fieldCount, int dimension)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)(batchSize * 1000 + fieldCount * 10 + dimension));
        var fieldVectors = torch.randn([batchSize, fieldCount, dimension], dtype: ScalarType.Float64, generator: generator);
        using var fm = new FactorizationMachine();

        var fast = fm.call(fieldVectors);

        // Σ_{i<j} ⟨v_i, v_j⟩ written out pair by pair.
        var bruteForce = torch.zeros([batchSize, 1], dtype: ScalarType.Float64);
        for (var i = 0; i < fieldCount; i++)
            for (var j = i + 1; j < fieldCount; j++)
                bruteForce += (fieldVectors[.., i, ..] * fieldVectors[.., j, ..]).sum(dim: 1, keepdim: true);

        Assert.Equal(new long[] { batchSize, 1 }, fast.shape);
        Assert.True(fast.allclose(bruteForce, rtol: 1e-10, atol: 1e-10),
            $"FM {string.Join(", ", ModelTestData.Values(fast))} != pairs {string.Join(", ", ModelTestData.Values(bruteForce))}");
    }

    [Fact]
    public void HandComputedThreeFields()
    {
        using var scope = torch.NewDisposeScope();
        // v1 = (1, 2), v2 = (3, 0), v3 = (-1, 1): ⟨v1,v2⟩ + ⟨v1,v3⟩ + ⟨v2,v3⟩ = 3 + 1 + (-3) = 1.
        var fieldVectors = torch.tensor(new float[] { 1, 2, 3, 0, -1, 1 }, 1, 3, 2);
        using var fm = new FactorizationMachine();
        Assert.Equal(1f, fm.call(fieldVectors).item<float>(), 5);
    }

    [Fact]
    public void HasNoParameters()
    {
        using var fm = new FactorizationMachine();
        Assert.Empty(fm.parameters());
    }

    [Fact]
    public void RejectsInputThatIsNotBatchFieldDimension()
    {
        using var scope = torch.NewDisposeScope();
        using var fm = new FactorizationMachine();
        var error = Assert.Throws<ArgumentException>(() => fm.call(torch.ones(4, 6)));
        Assert.Contains("[B, F, D]", error.Message);
    }
}
