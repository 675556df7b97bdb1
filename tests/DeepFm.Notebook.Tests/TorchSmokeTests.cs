using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests;

public class TorchSmokeTests
{
    [Fact]
    public void MatmulAndBackwardWork()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2).requires_grad_();
        using var b = tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var product = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
        using var sum = product.sum();
        sum.backward();
        // d(sum(A·B))/dA = 1·Bᵀ: each row of the gradient holds the row sums of B.
        Assert.Equal(new float[] { 11, 15, 11, 15 }, a.grad!.data<float>().ToArray());
    }
}
