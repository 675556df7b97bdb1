using DeepFm.Notebook.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Model;

/// <summary>
/// The MLP's values, not only its shapes: a 2 → 2 → 2 → 1 network with weights set by hand, against a forward pass
/// worked out on paper. Keras's <c>Dense(relu) → Dense(relu) → Dense(1)</c>: ReLU after each hidden layer, a linear
/// output (a logit can be negative).
/// </summary>
public class MlpValuesTests
{
    [Fact]
    public void ForwardEqualsTheHandComputedValues()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(7);
        using var mlp = new Mlp(inputWidth: 2, hiddenUnits: [2, 2], generator);
        Set(mlp, "hiddenLayers.0.weight", [1, -1, 2, 1], 2, 2);   // W₁ = [[1, −1], [2, 1]]
        Set(mlp, "hiddenLayers.0.bias", [0, -1], 2);              // b₁ = [0, −1]
        Set(mlp, "hiddenLayers.1.weight", [1, 1, -1, 1], 2, 2);   // W₂ = [[1, 1], [−1, 1]]
        Set(mlp, "hiddenLayers.1.bias", [0, -4], 2);              // b₂ = [0, −4]
        Set(mlp, "outputLayer.weight", [2, -1], 1, 2);            // w₃ = [2, −1]
        Set(mlp, "outputLayer.bias", [-5], 1);                    // b₃ = −5

        var input = tensor(new float[] { 1, 2, 0, 3, -1, 0 }, 3, 2);
        float[] logits = mlp.call(input).data<float>().ToArray();

        // x = (1, 2):  z₁ = (1−2, 2+2−1) = (−1, 3) → ReLU (0, 3);  z₂ = (0+3, 0+3−4) = (3, −1) → ReLU (3, 0);
        //              2·3 − 0 − 5 = 1.   (No ReLU after layer 1: 4 − 5 = −1; none after layer 2: 6 + 1 − 5 = 2.)
        // x = (0, 3):  z₁ = (−3, 3−1) = (−3, 2) → (0, 2);  z₂ = (2, 2−4) = (2, −2) → (2, 0);  2·2 − 0 − 5 = −1.
        //              (A ReLU on the output would give 0.)
        // x = (−1, 0): z₁ = (−1, −2−1) = (−1, −3) → (0, 0);  z₂ = (0, −4) → (0, 0);  −5.
        Assert.Equal([1f, -1f, -5f], logits);
    }

    private static void Set(Mlp mlp, string name, float[] values, params long[] shape)
    {
        using var noGradients = no_grad();
        var parameter = mlp.named_parameters().Single(named => named.name == name).parameter;
        parameter.copy_(tensor(values, shape));
    }
}
