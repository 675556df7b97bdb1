using DeepFm.Notebook.Model;

namespace DeepFm.Notebook.Tests.Model;

public class DeepFmOptionsTests
{
    [Fact]
    public void PresetsSwitchTheExpectedParts()
    {
        Assert.Equal(["LR", "FM", "DNN", "DeepFM"], DeepFmOptions.Presets.Select(preset => preset.Name).ToArray());
        Assert.Equal((true, false, false), Parts(DeepFmOptions.LogisticRegression));
        Assert.Equal((true, true, false), Parts(DeepFmOptions.FactorizationMachine));
        Assert.Equal((false, false, true), Parts(DeepFmOptions.Dnn));
        Assert.Equal((true, true, true), Parts(DeepFmOptions.DeepFm));
        Assert.Equal(32, DeepFmOptions.DeepFm.EmbeddingDimension);
        Assert.Equal([64, 32], DeepFmOptions.DeepFm.HiddenUnits);
    }

    [Fact]
    public void EqualityComparesHiddenUnitsByValue()
    {
        Assert.Equal(DeepFmOptions.DeepFm, new DeepFmOptions { HiddenUnits = [64, 32] });
        Assert.Equal(DeepFmOptions.DeepFm.GetHashCode(), new DeepFmOptions { HiddenUnits = [64, 32] }.GetHashCode());
        Assert.NotEqual(DeepFmOptions.DeepFm, DeepFmOptions.DeepFm with { HiddenUnits = [64] });
    }

    [Fact]
    public void ToStringSaysWhatIsOn()
    {
        Assert.Equal("DeepFM (first order + FM + DNN, D = 32, hidden [64, 32])", DeepFmOptions.DeepFm.ToString());
        Assert.Equal("LR (first order)", DeepFmOptions.LogisticRegression.ToString());
    }

    [Fact]
    public void ValidateRejectsUnbuildableOptions()
    {
        Assert.Throws<ArgumentException>(() => (DeepFmOptions.Dnn with { UseDnn = false }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (DeepFmOptions.DeepFm with { EmbeddingDimension = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (DeepFmOptions.DeepFm with { HiddenUnits = [64, 0] }).Validate());
    }

    private static (bool, bool, bool) Parts(DeepFmOptions options) => (options.UseFirstOrder, options.UseFm, options.UseDnn);
}
