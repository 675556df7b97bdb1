using DeepFm.Notebook.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Training;

public class BestWeightsSnapshotRestoreTests
{
    [Fact]
    public void Restoring_before_any_capture_leaves_the_weights_alone()
    {
        using var layer = nn.Linear(3, 1);
        using var snapshot = new BestWeightsSnapshot(layer);
        float[] before = layer.weight!.data<float>().ToArray();

        snapshot.Restore();   // nothing captured: the snapshot holds zeros, which must not be copied in

        Assert.False(snapshot.HasCapture);
        Assert.Equal(before, layer.weight!.data<float>().ToArray());
        Assert.Contains(before, value => value != 0f);
    }
}
