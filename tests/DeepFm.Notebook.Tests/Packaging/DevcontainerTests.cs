using System.Text.Json;
using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Packaging;

/// <summary>The devcontainer (VS Code, Codespaces) is valid JSON with comments and sets up what the README promises.</summary>
public class DevcontainerTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    private static JsonNode Devcontainer() => JsonNode.Parse(
        File.ReadAllText(Path.Combine(Layout.Root, ".devcontainer", "devcontainer.json")),
        documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    [Fact]
    public void UsesTheOfficialDotnet10ImageOnUbuntu2404()
    {
        // Ubuntu 24.04 ("noble") ships GCC 13's libstdc++, so TorchSharp loads there without the Debian 12 patch.
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:10.0-noble", (string?)Devcontainer()["image"]);
    }

    [Fact]
    public void InstallsThePolyglotCSharpAndJupyterExtensions()
    {
        var extensions = Devcontainer()["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(node => (string?)node).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
    }

    [Fact]
    public void PostCreateRunsTheRepositorysSetUpScript()
    {
        var command = (string?)Devcontainer()["postCreateCommand"];
        Assert.Equal("bash .devcontainer/post-create.sh", command);
        var script = File.ReadAllText(Path.Combine(Layout.Root, ".devcontainer", "post-create.sh"));
        Assert.Contains("dotnet tool restore", script);
        Assert.Contains("dotnet build -c Release lib/DeepFm.Notebook", script);
        Assert.Contains("jupyter install", script);
    }

    [Fact]
    public void AsksCodespacesForEnoughMemoryToTrain()
    {
        var host = Devcontainer()["hostRequirements"]!;
        Assert.True((int)host["cpus"]! >= 2);
        Assert.True(int.Parse(((string)host["memory"]!).TrimEnd('g', 'b')) >= 8, "training keeps ~0.5 GiB resident; 8 GB leaves room for VS Code");
    }
}
