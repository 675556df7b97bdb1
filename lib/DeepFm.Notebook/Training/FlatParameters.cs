using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Training;

/// <summary>
/// Moves a model's parameters into one float32 buffer θ [N] and their gradients into one buffer g [N], each
/// parameter becoming a view of its slice, so that an optimiser updates them all with a few whole-buffer operations
/// (autograd accumulates into a parameter's existing <c>grad</c> in place, so g fills by itself).
/// </summary>
internal static class FlatParameters
{
    /// <summary>Returns (θ, g); <paramref name="flattened"/> lists the parameters in buffer order.</summary>
    public static (Tensor Parameters, Tensor Gradients) Flatten(IEnumerable<Parameter> parameters, out Parameter[] flattened)
    {
        flattened = parameters.ToArray();
        if (flattened.Length == 0) throw new ArgumentException("The optimiser needs at least one parameter to train.", nameof(parameters));
        Device device = flattened[0].device;
        if (flattened.Any(parameter => parameter.dtype != ScalarType.Float32 || parameter.device_type != device.type))
            throw new ArgumentException("A flat optimiser keeps every parameter in one float32 buffer: all parameters must be float32 on one device.", nameof(parameters));

        long total = flattened.Sum(parameter => parameter.numel());
        var flatParameters = torch.empty(total, device: device);
        var flatGradients = torch.zeros(total, device: device);
        using var noGrad = torch.no_grad();
        long offset = 0;
        foreach (var parameter in flattened)
        {
            long count = parameter.numel();
            using var parameterSlice = flatParameters.narrow(0, offset, count).view(parameter.shape);
            parameterSlice.copy_(parameter);
            parameter.set_(parameterSlice);   // the parameter now reads and writes its slice of θ
            parameter.grad = flatGradients.narrow(0, offset, count).view(parameter.shape);
            offset += count;
        }
        return (flatParameters, flatGradients);
    }
}
