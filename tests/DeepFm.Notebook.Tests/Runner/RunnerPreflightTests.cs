using System.IO.Compression;
using System.Runtime.InteropServices;
using DeepFm.RunNotebooks;
using DeepFm.RunNotebooks.Preflight;

namespace DeepFm.Notebook.Tests.Runner;

/// <summary>
/// The preflight fails in seconds, naming the option or variable to fix, instead of a notebook failing minutes in;
/// a missing browser only warns. Each check runs against a made-up machine (<see cref="HostEnvironment.With"/>).
/// </summary>
public sealed class RunnerPreflightTests : IDisposable
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
    private readonly string folder = Directory.CreateTempSubdirectory("deepfm-preflight-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<string?> ServerAnswers(CancellationToken _) => Task.FromResult<string?>(null);
    private static Task<string?> ServerUnreachable(CancellationToken _) => Task.FromResult<string?>("Name or service not known");
    private static Task<string?> NoNetworkExpected(CancellationToken _) => throw new InvalidOperationException("the check must not go online");
    private static Task<string?> Starts(string browser, CancellationToken _) => Task.FromResult<string?>(null);

    [Fact]
    public async Task AMissingDataPathFailsNamingTheOption()
    {
        var source = DataSource.Resolve(Path.Combine(folder, "nowhere.zip"), Host(), Layout);

        var result = await new DataCheck(source, NoNetworkExpected).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.StartsWith("--data names", result.Message);
        Assert.Contains("does not exist", result.Message);
    }

    [Fact]
    public async Task ABadDataFileFailsSayingWhatIsWrong()
    {
        var notAZip = Path.Combine(folder, "ml-100k.zip");
        File.WriteAllText(notAZip, "<html>404 Not Found</html>");
        var incomplete = Path.Combine(folder, "incomplete.zip");
        using (var zip = ZipFile.Open(incomplete, ZipArchiveMode.Create))
            zip.CreateEntry("ml-100k/u.data");

        var bad = await new DataCheck(DataSource.Resolve(notAZip, Host(), Layout), NoNetworkExpected).RunAsync(TestContext.Current.CancellationToken);
        var partial = await new DataCheck(DataSource.Resolve(incomplete, Host(), Layout), NoNetworkExpected).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, bad.Status);
        Assert.Contains("neither a folder nor a zip", bad.Message);
        Assert.Equal(CheckStatus.Failed, partial.Status);
        Assert.Contains("without u.item, u.user", partial.Message);
    }

    [Fact]
    public async Task ADataVariableThatPointsNowhereFailsNamingTheVariable()
    {
        var host = Host(("DEEPFM_DATA", Path.Combine(folder, "missing")));

        var result = await new DataCheck(DataSource.Resolve(null, host, Layout), NoNetworkExpected).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.StartsWith("DEEPFM_DATA names", result.Message);
    }

    [Fact]
    public async Task AnExtractedFolderIsGoodData()
    {
        var extracted = Directory.CreateDirectory(Path.Combine(folder, "ml-100k")).FullName;
        foreach (var name in new[] { "u.data", "u.item", "u.user" })
            File.WriteAllText(Path.Combine(extracted, name), "");

        var result = await new DataCheck(DataSource.Resolve(folder, Host(), Layout), NoNetworkExpected).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Ok, result.Status);
    }

    [Fact]
    public async Task WithNoLocalCopyTheServerDecides()
    {
        // A layout whose ../shared has no data and an empty cache: the data must come from a download.
        var repository = Directory.CreateDirectory(Path.Combine(folder, "repo")).FullName;
        File.WriteAllText(Path.Combine(repository, RepositoryLayout.SolutionFileName), "");
        var layout = RepositoryLayout.FindFrom(repository);
        var host = Host(("XDG_CACHE_HOME", Path.Combine(folder, "cache")));
        var source = DataSource.Resolve(null, host, layout);
        Assert.Equal(DataOrigin.Download, source.Origin);
        Assert.Null(source.VariableForNotebooks);

        var online = await new DataCheck(source, ServerAnswers).RunAsync(TestContext.Current.CancellationToken);
        var offline = await new DataCheck(source, ServerUnreachable).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Ok, online.Status);
        Assert.Contains("downloads it", online.Message);
        Assert.Equal(CheckStatus.Failed, offline.Status);
        Assert.Contains("Name or service not known", offline.Message);
        Assert.Contains("--data PATH or DEEPFM_DATA=PATH", offline.Message);
    }

    [Fact]
    public async Task JupyterMissingFailsARunWithTheJupyterOption()
    {
        var host = Host(("PATH", folder)); // a PATH with no jupyter on it

        var result = await new JupyterCheck(host, Layout).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.StartsWith("--jupyter needs Jupyter", result.Message);
        Assert.Contains("apt-get install jupyter-nbconvert", result.Message);
    }

    [Fact]
    public void JupyterIsCheckedOnlyForJupyterRuns()
    {
        var data = DataSource.Resolve(folder, Host(), Layout);

        Assert.DoesNotContain(PreflightChecks.For(NotebookEngine.DotnetRepl, null, data, Host(), Layout), check => check is JupyterCheck);
        Assert.Contains(PreflightChecks.For(NotebookEngine.Jupyter, null, data, Host(), Layout), check => check is JupyterCheck);
    }

    [Fact]
    public async Task NoChromiumIsAWarningThatSaysHowToGetPngs()
    {
        var host = Host(("PATH", folder));

        var result = await new ChromiumCheck(host, systemChromium: Path.Combine(folder, "no-chromium")).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("apt-get install chromium", result.Message);
        Assert.Contains("DEEPFM_CHROMIUM", result.Message);
    }

    [Fact]
    public async Task DeepfmChromiumNoneHidesTheBrowserAsTheLibraryDoes()
    {
        File.WriteAllText(Path.Combine(folder, "chromium"), "");
        var host = Host(("PATH", folder), ("DEEPFM_CHROMIUM", "none"));

        var result = await new ChromiumCheck(host, systemChromium: Path.Combine(folder, "chromium"), Starts).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("committed PNGs are kept", result.Message);
    }

    [Fact]
    public async Task ChromiumIsFoundOnPathOrThroughTheVariable()
    {
        var browser = Path.Combine(folder, "chromium");
        File.WriteAllText(browser, "");
        var none = Path.Combine(folder, "none");
        var cancellation = TestContext.Current.CancellationToken;

        var onPath = await new ChromiumCheck(Host(("PATH", folder)), none, Starts).RunAsync(cancellation);
        var named = await new ChromiumCheck(Host(("DEEPFM_CHROMIUM", browser)), none, Starts).RunAsync(cancellation);
        var wrong = await new ChromiumCheck(Host(("DEEPFM_CHROMIUM", browser + "-typo")), none, Starts).RunAsync(cancellation);

        Assert.Equal(CheckStatus.Ok, onPath.Status);
        Assert.Contains(browser, onPath.Message);
        Assert.Equal(CheckStatus.Ok, named.Status);
        Assert.Equal(CheckStatus.Failed, wrong.Status);
        Assert.StartsWith("DEEPFM_CHROMIUM names", wrong.Message);
    }

    [Fact]
    public async Task ABrowserThatDoesNotStartIsAWarningUnlessTheVariableNamesIt()
    {
        // An empty file is no program: what Ubuntu's snap stub amounts to in a container.
        var stub = Path.Combine(folder, "chromium-browser");
        File.WriteAllText(stub, "");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var none = Path.Combine(folder, "none");
        var cancellation = TestContext.Current.CancellationToken;

        var onPath = await new ChromiumCheck(Host(("PATH", folder)), none).RunAsync(cancellation);
        var named = await new ChromiumCheck(Host(("DEEPFM_CHROMIUM", stub)), none).RunAsync(cancellation);

        Assert.Equal(CheckStatus.Warning, onPath.Status);
        Assert.Contains("does not start", onPath.Message);
        Assert.Contains("apt-get install chromium", onPath.Message);
        Assert.Equal(CheckStatus.Failed, named.Status);
        Assert.StartsWith("DEEPFM_CHROMIUM names", named.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    public async Task AnInheritedBadEpochsVariableFailsNamingIt(string value)
    {
        var host = Host(("DEEPFM_EPOCHS", value));

        var inherited = await new ParametersCheck(host, epochsOption: null).RunAsync(TestContext.Current.CancellationToken);
        var overridden = await new ParametersCheck(host, epochsOption: 1).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, inherited.Status);
        Assert.StartsWith($"DEEPFM_EPOCHS='{value}'", inherited.Message);
        Assert.Equal(CheckStatus.Ok, overridden.Status); // --epochs replaces it for the notebooks
    }

    [Theory]
    [InlineData("WINDOWS", Architecture.X64, "dotnet/TorchSharp#1567")]
    [InlineData("WINDOWS", Architecture.Arm64, "dotnet/TorchSharp#1567")]
    [InlineData("LINUX", Architecture.Arm64, "no CPU build for Linux arm64")]
    [InlineData("OSX", Architecture.X64, "no CPU build for macOS x64")]
    public async Task AnUnsupportedMachineFailsFirstSayingWhatToUseInstead(string system, Architecture architecture, string why)
    {
        var result = await new PlatformCheck(OSPlatform.Create(system), architecture).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(why, result.Message);
        Assert.Contains("devcontainer", result.Message);
        Assert.DoesNotContain("   at ", result.Message); // one line, not a stack trace
        Assert.IsType<PlatformCheck>(PreflightChecks.For(NotebookEngine.DotnetRepl, null, DataSource.Resolve(null, Host(), Layout), Host(), Layout)[0]);
    }

    [Theory]
    [InlineData("LINUX", Architecture.X64)]
    [InlineData("OSX", Architecture.Arm64)]
    public async Task LinuxX64AndAppleSiliconPass(string system, Architecture architecture)
    {
        var result = await new PlatformCheck(OSPlatform.Create(system), architecture).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Ok, result.Status);
    }

    [Fact]
    public async Task TheFirstFailureStopsThePreflight()
    {
        var reported = new List<CheckResult>();
        PreflightCheck[] checks = [new Fixed(CheckResult.Warning("a", "w")), new Fixed(CheckResult.Failed("b", "f")), new Fixed(CheckResult.Ok("c", "never"))];

        var (results, _) = await PreflightChecks.RunAsync(checks, reported.Add, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], results.Select(result => result.Check));
        Assert.Equal(results, reported);
        Assert.False(PreflightChecks.Passed(results));
    }

    private HostEnvironment Host(params (string Name, string Value)[] variables) =>
        HostEnvironment.With(variables.ToDictionary(pair => pair.Name, pair => pair.Value), homeFolder: folder);

    private sealed class Fixed(CheckResult result) : PreflightCheck
    {
        public override string Name => result.Check;
        public override Task<CheckResult> RunAsync(CancellationToken cancellation = default) => Task.FromResult(result);
    }
}
