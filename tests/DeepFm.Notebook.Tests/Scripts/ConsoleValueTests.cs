using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests.Scripts;

public sealed class ConsoleValueTests
{
    private sealed record Settings(int Epochs, double Rate, int? Patience);

    private sealed class Named(string name)
    {
        public string Name { get; } = name;
        public override string ToString() => $"named {Name}";
    }

    [Fact]
    public void ARecordIsATableOfItsProperties() =>
        Assert.Equal("Settings\n  Epochs    3\n  Rate      0.5\n  Patience  <null>",
            ConsoleValue.Format(new Settings(3, 0.5, null)).ReplaceLineEndings("\n"));

    [Fact]
    public void ATypeWithItsOwnTextIsShownByIt() => Assert.Equal("named x", ConsoleValue.Format(new Named("x")));

    [Fact]
    public void ASequenceIsOneItemALine() =>
        Assert.Equal("a\nb\n[1, 2]", ConsoleValue.Format(new object[] { "a", "b", new[] { 1, 2 } }).ReplaceLineEndings("\n"));

    [Fact]
    public void NumbersAreWrittenTheSameOnEveryMachine() => Assert.Equal("0.5", ConsoleValue.Format(0.5));

    [Fact]
    public void TextStaysText() => Assert.Equal("done", ConsoleValue.Format("done"));
}
