using DeepFm.Notebook.Data;
using DeepFm.Notebook.Parameters;
using DeepFm.Notebook.Tests.Data;

namespace DeepFm.Notebook.Tests.Notebooks;

/// <summary>
/// DEEPFM_EPOCHS and DEEPFM_DATA let the notebook tests and the runner shorten a run and point at local data without
/// editing a notebook; they are read at the edge (the parameters cells) and the library below never reads them.
/// </summary>
[Collection(nameof(ParameterVariablesCollection))]
public sealed class NotebookParametersTests : IDisposable
{
    private readonly string? savedEpochs = Environment.GetEnvironmentVariable(NotebookParameters.EpochsVariable);
    private readonly string? savedData = Environment.GetEnvironmentVariable(NotebookParameters.DataPathVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(NotebookParameters.EpochsVariable, savedEpochs);
        Environment.SetEnvironmentVariable(NotebookParameters.DataPathVariable, savedData);
    }

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

    [Fact]
    public void DataPathIsTheVariableAsWritten()
    {
        Environment.SetEnvironmentVariable(NotebookParameters.DataPathVariable, "../shared/data/ml-100k.zip");
        Assert.Equal("../shared/data/ml-100k.zip", NotebookParameters.DataPath());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void DataPathIsNullWhenTheVariableIsUnsetOrBlank(string? value)
    {
        // Blank counts as unset: the dev container sets DEEPFM_DATA to "" for every kernel.
        Environment.SetEnvironmentVariable(NotebookParameters.DataPathVariable, value);
        Assert.Null(NotebookParameters.DataPath());
    }

    [Fact]
    public void RunnerAndLibraryAgreeOnTheDataVariableName() =>
        Assert.Equal(NotebookParameters.DataPathVariable, RunNotebooks.NotebookEnvironment.DataVariable);

    [Fact]
    public void TheArchiveBelowTheEdgeDoesNotReadTheDataVariable()
    {
        using var fixture = new MovieLensFixture();
        string cache = Path.Combine(fixture.Root, "cache");
        Directory.CreateDirectory(cache);
        string cached = fixture.WriteZip(Path.Combine("cache", MovieLensArchive.ZipFileName));
        string explicitFolder = fixture.WriteFolder("explicit");
        Environment.SetEnvironmentVariable(NotebookParameters.DataPathVariable, Path.Combine(fixture.Root, "missing"));

        Assert.Equal(cached, MovieLensArchive.Open(null, null, cache).Source);
        Assert.Equal(explicitFolder, MovieLensArchive.Open(explicitFolder, null, cache).Source);
    }
}

/// <summary>
/// Tests that set DEEPFM_* variables in this process run one at a time, after the parallel tests, so no other test
/// (RealMovieLensData reads DEEPFM_DATA) sees the change.
/// </summary>
[CollectionDefinition(nameof(ParameterVariablesCollection), DisableParallelization = true)]
public sealed class ParameterVariablesCollection;
