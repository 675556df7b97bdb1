using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>The runner's options: parsed by System.CommandLine, and a wrong value is refused naming the option.</summary>
public sealed class RunnerCommandTests
{
    [Fact]
    public void ParsesTheOptionsTheReadmeShows()
    {
        RunOptions? parsed = null;
        var command = RunCommand.Create((options, _) => { parsed = options; return Task.FromResult(0); });

        var exitCode = command.Parse(["--epochs", "5", "--output", "/tmp/nb", "--jupyter", "04", "train"]).Invoke();

        Assert.Equal(0, exitCode);
        Assert.NotNull(parsed);
        Assert.Equal(5, parsed.Epochs);
        Assert.Equal(Path.GetFullPath("/tmp/nb"), parsed.OutputFolder);
        Assert.Equal(NotebookEngine.Jupyter, parsed.Engine);
        Assert.Equal(["04", "train"], parsed.Filters);
        Assert.Equal(TimeSpan.FromMinutes(30), parsed.TimeoutPerNotebook);
    }

    [Theory]
    [InlineData("--epochs 0", "--epochs must be a positive whole number")]
    [InlineData("--epochs two", "--epochs must be a positive whole number")]
    [InlineData("--timeout -5", "--timeout must be a positive whole number")]
    [InlineData("--epochs", "--epochs")]
    [InlineData("--bogus", "Unknown option --bogus")]
    public void RefusesAWrongValueNamingTheOption(string arguments, string expected)
    {
        var command = RunCommand.Create((_, _) => throw new InvalidOperationException("must not run"));

        var result = command.Parse(arguments.Split(' '));

        Assert.Contains(result.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesAnOutputThatIsAFile()
    {
        var file = Path.GetTempFileName();
        var command = RunCommand.Create((_, _) => throw new InvalidOperationException("must not run"));

        var result = command.Parse(["--output", file]);

        Assert.Contains(result.Errors, error => error.Message.StartsWith("--output", StringComparison.Ordinal));
        File.Delete(file);
    }
}
