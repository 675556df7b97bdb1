using DeepFm.Notebook.Data;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepFm.Notebook.Model;

/// <summary>
/// A Keras-style summary of a <see cref="DeepFmModel"/>: one row per part (in call order) with its output shape and
/// parameter count, and a last row for the whole model. Output shapes are measured by running one batch, so they
/// are what the code produces, not what a comment claims; the batch dimension is shown as <c>B</c>.
/// </summary>
public static class ModelSummary
{
    /// <summary>
    /// Columns: <c>Module</c> (field name in the model), <c>Type</c>, <c>Output shape</c> (e.g. "[B, 5, 32]"),
    /// <c>Parameters</c> (int64). Runs <paramref name="sample"/> through the model once, without gradients.
    /// </summary>
    public static DataFrame Of(DeepFmModel model, FeatureBatch sample)
    {
        var parts = model.named_children().ToList();
        var outputShapes = new Dictionary<string, long[]>();
        var hookRemovers = new List<Action>();
        foreach (var (name, module) in parts)
        {
            if (module is not Module<Tensor, Tensor> part)
                throw new InvalidOperationException($"ModelSummary does not know how to trace part '{name}' of type {module.GetType().Name}.");
            var remover = part.register_forward_hook((_, _, output) =>
            {
                outputShapes[name] = output.shape;
                return output;
            });
            hookRemovers.Add(remover.remove);
        }

        long[] modelOutputShape;
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            modelOutputShape = model.Logits(sample).shape;
        }
        finally
        {
            foreach (var remove in hookRemovers) remove();
        }

        var moduleColumn = new StringDataFrameColumn("Module");
        var typeColumn = new StringDataFrameColumn("Type");
        var shapeColumn = new StringDataFrameColumn("Output shape");
        var parameterColumn = new PrimitiveDataFrameColumn<long>("Parameters");
        foreach (var (name, module) in parts)
        {
            moduleColumn.Append(name);
            typeColumn.Append(module.GetType().Name);
            shapeColumn.Append(outputShapes.TryGetValue(name, out var shape) ? FormatShape(shape) : "(not called)");
            parameterColumn.Append(CountParameters(module));
        }
        moduleColumn.Append("total");
        typeColumn.Append($"{nameof(DeepFmModel)} ({model.Options.Name})");
        shapeColumn.Append(FormatShape(modelOutputShape));
        parameterColumn.Append(CountParameters(model));
        return new DataFrame(moduleColumn, typeColumn, shapeColumn, parameterColumn);
    }

    /// <summary>Number of trainable values in <paramref name="module"/> and its submodules.</summary>
    public static long CountParameters(Module module) => module.parameters().Sum(parameter => parameter.numel());

    /// <summary>"[B, 5, 32]" for a [batch, 5, 32] shape: every part's first dimension is the batch.</summary>
    private static string FormatShape(long[] shape) =>
        "[" + string.Join(", ", shape.Select((size, axis) => axis == 0 ? "B" : size.ToString())) + "]";
}
