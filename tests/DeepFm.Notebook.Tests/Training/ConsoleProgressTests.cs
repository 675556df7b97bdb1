using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

public class ConsoleProgressTests
{
    [Fact]
    public void RedirectedOutputGetsOnePlainLinePerEpoch()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(100, output);

        progress.Report(new EpochRecord(4, 0.51234, 0.7812, null, null));
        progress.Report(new EpochRecord(5, 0.5, 0.79, 0.55556, 0.76543));

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("epoch 004/100", lines[0]);
        Assert.Contains("loss 0.5123  auc 0.7812", lines[0]);
        Assert.DoesNotContain("test", lines[0]);
        Assert.Contains("| test loss 0.5556  auc 0.7654", lines[1]);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void TheBarFillsWithTheEpochs()
    {
        var progress = new ConsoleProgress(4, new StringWriter());
        Assert.StartsWith("[############............]", progress.Format(new EpochRecord(2, 0.5, 0.5, null, null)));
        Assert.StartsWith("[########################]", progress.Format(new EpochRecord(4, 0.5, 0.5, null, null)));
    }
}
