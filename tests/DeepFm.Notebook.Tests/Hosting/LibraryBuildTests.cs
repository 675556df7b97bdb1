using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests.Hosting;

/// <summary>
/// The set-up cell's build decision (the notebooks #load LibraryBuild.cs; the runner's preflight asks the same), on a
/// stand-in repository in a temporary folder, so nothing here builds or touches the real library.
/// </summary>
public sealed class LibraryBuildTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("deepfm-librarybuild-").FullName;

    public LibraryBuildTests()
    {
        File.WriteAllText(Path.Combine(root, LibraryBuild.SolutionFile), "<Solution />");
        Write("Directory.Build.props", "<Project />");
        Write("lib/DeepFm.Notebook/DeepFm.Notebook.csproj", "<Project />");
        Write("lib/DeepFm.Notebook/Model/FactorizationMachine.cs", "// FM");
        Write("lib/DeepFm.Notebook.Hosting/NotebookHost.cs", "// host");
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_library_never_built_is_stale()
    {
        Assert.True(LibraryBuild.IsStale(root));
        Assert.Equal("not built yet", LibraryBuild.StaleReason(root));
    }

    [Fact]
    public void A_dll_newer_than_every_source_is_current()
    {
        Age("lib/DeepFm.Notebook/Model/FactorizationMachine.cs", "lib/DeepFm.Notebook.Hosting/NotebookHost.cs",
            "lib/DeepFm.Notebook/DeepFm.Notebook.csproj", "Directory.Build.props");
        Write(LibraryBuild.LibraryDll, "dll");
        Write(LibraryBuild.HostingDll, "dll");

        Assert.False(LibraryBuild.IsStale(root));
        Assert.False(LibraryBuild.EnsureCurrent(root, TextWriter.Null)); // current: no build, nothing printed
    }

    [Theory]
    [InlineData("lib/DeepFm.Notebook/Model/FactorizationMachine.cs")]
    [InlineData("lib/DeepFm.Notebook.Hosting/NotebookHost.cs")]
    [InlineData("lib/DeepFm.Notebook/DeepFm.Notebook.csproj")]
    [InlineData("Directory.Build.props")]
    public void Touching_a_source_of_either_library_or_the_build_settings_makes_it_stale(string source)
    {
        Age("lib/DeepFm.Notebook/Model/FactorizationMachine.cs", "lib/DeepFm.Notebook.Hosting/NotebookHost.cs",
            "lib/DeepFm.Notebook/DeepFm.Notebook.csproj", "Directory.Build.props");
        Write(LibraryBuild.LibraryDll, "dll");
        Write(LibraryBuild.HostingDll, "dll");
        File.SetLastWriteTimeUtc(Path.Combine(root, source), DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("a source changed since the last build", LibraryBuild.StaleReason(root));
    }

    [Fact]
    public void A_missing_hosting_dll_beside_the_library_is_stale()
    {
        Write(LibraryBuild.LibraryDll, "dll");

        Assert.Equal("not built yet", LibraryBuild.StaleReason(root));
    }

    [Fact]
    public void Build_output_folders_are_not_sources()
    {
        Write(LibraryBuild.LibraryDll, "dll");
        Write("lib/DeepFm.Notebook/obj/Release/net10.0/Generated.AssemblyInfo.cs", "// generated");

        Assert.DoesNotContain(LibraryBuild.Sources(root), source => source.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        Assert.Contains(LibraryBuild.Sources(root), source => source.EndsWith("FactorizationMachine.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_root_is_found_from_notebooks_and_from_the_root_itself()
    {
        Assert.Equal(root, LibraryBuild.FindRepositoryRoot(Path.Combine(root, "notebooks")));
        Assert.Equal(root, LibraryBuild.FindRepositoryRoot(root));
        var outside = Assert.Throws<DirectoryNotFoundException>(() => LibraryBuild.FindRepositoryRoot(Path.GetTempPath()));
        Assert.Contains("inside the DeepFm.Notebooks repository", outside.Message);
    }

    [Fact]
    public void A_failing_build_reports_the_compiler_errors_and_prints_one_line_first()
    {
        // The stand-in project is no real project: `dotnet build` fails, and the error must say so.
        var log = new StringWriter();
        var error = Assert.Throws<InvalidOperationException>(() => LibraryBuild.EnsureCurrent(root, log));

        Assert.Contains("dotnet build lib/DeepFm.Notebook/DeepFm.Notebook.csproj -c Release` failed", error.Message);
        Assert.Equal(["Building the tutorial library in Release (not built yet); this takes a minute …"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Age(params string[] relativePaths)
    {
        foreach (var path in relativePaths)
            File.SetLastWriteTimeUtc(Path.Combine(root, path), DateTime.UtcNow.AddHours(-1));
    }
}
