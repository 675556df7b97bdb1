using DeepFm.Notebook.Parameters;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>DEEPFM_EPOCHS lets the notebook tests shorten training without editing a notebook.</summary>
[Collection(nameof(EpochsVariableCollection))]
public sealed class NotebookParametersTests : IDisposable
{
    private readonly string? saved = Environment.GetEnvironmentVariable(NotebookParameters.EpochsVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(NotebookParameters.EpochsVariable, saved);

    [Fact]
    public void UsesTheFullRunWhenTheVariableIsUnset()
    {
        Environment.SetEnvironmentVariable(NotebookParameters.EpochsVariable, null);
        Assert.Equal(12, NotebookParameters.Epochs(fullRun: 12));
    }

    [Fact]
    public void UsesTheVariableWhenItIsAPositiveWholeNumber()
    {
        Environment.SetEnvironmentVariable(NotebookParameters.EpochsVariable, "1");
        Assert.Equal(1, NotebookParameters.Epochs(fullRun: 12));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void RejectsAnythingElseNamingTheVariable(string value)
    {
        Environment.SetEnvironmentVariable(NotebookParameters.EpochsVariable, value);
        var error = Assert.Throws<InvalidOperationException>(() => NotebookParameters.Epochs(fullRun: 12));
        Assert.Contains($"DEEPFM_EPOCHS='{value}'", error.Message);
    }

    [Fact]
    public void RunnerAndLibraryAgreeOnTheVariableName() =>
        Assert.Equal(NotebookParameters.EpochsVariable, RunNotebooks.NotebookEnvironment.EpochsVariable);
}

/// <summary>Tests that set DEEPFM_EPOCHS in this process run one at a time.</summary>
[CollectionDefinition(nameof(EpochsVariableCollection), DisableParallelization = true)]
public sealed class EpochsVariableCollection;
