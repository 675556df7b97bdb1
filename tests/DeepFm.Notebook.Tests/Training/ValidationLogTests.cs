using DeepFm.Notebook.Training;

namespace DeepFm.Notebook.Tests.Training;

public class ValidationLogTests
{
    [Fact]
    public void WritesOneLinePerValidatedEpochOnly()
    {
        var output = new StringWriter();
        var log = new ValidationLog(output);

        log.Report(new EpochRecord(4, 0.7, 0.55, null, null));
        log.Report(new EpochRecord(5, 0.66666, 0.60049, 0.66114, 0.62494));
        log.Report(new EpochRecord(6, 0.65, 0.61, null, null));

        Assert.Equal(
            ["epoch   5  train loss 0.6667  train AUC 0.6005  |  test loss 0.6611  test AUC 0.6249"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
