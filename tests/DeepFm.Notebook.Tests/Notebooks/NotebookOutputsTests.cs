using System.Text.Json.Nodes;
using DeepFm.RunNotebooks;

namespace DeepFm.Notebook.Tests.Notebooks;

public sealed class NotebookOutputsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepfm-outputs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void MergeCopiesOutputsKeepsSourceMetadataAndDropsKernelNoise()
    {
        var source = Write("source.ipynb", Notebook(sourceMetadata: """{"kernelspec":{"name":".net-csharp"}}""", outputs: "[]"));
        var executed = Write("executed.ipynb", Notebook(sourceMetadata: """{"dotnet_repl":"rewrote this"}""", outputs: """
            [
              {"output_type":"display_data","data":{"text/html":"<div><strong>Installing Packages</strong></div>"}},
              {"output_type":"display_data","data":{"text/plain":["Loading extensions from `/root/.nuget/packages/x.dll`"]}},
              {"output_type":"display_data","data":{"text/html":"<div><strong>Installed Packages</strong></div>"}},
              {"output_type":"stream","name":"stdout","text":["PNG pictures skipped: no Chromium found (charts stay interactive).\n"]},
              {"output_type":"stream","name":"stdout","text":"100,000 ratings"}
            ]
            """));
        var target = Path.Combine(folder, "target.ipynb");

        NotebookOutputs.Merge(source, executed, target);

        var merged = JsonNode.Parse(File.ReadAllText(target))!;
        Assert.Equal(".net-csharp", (string?)merged["metadata"]!["kernelspec"]!["name"]);
        var outputs = merged["cells"]![1]!["outputs"]!.AsArray();
        Assert.Equal(2, outputs.Count);
        Assert.Equal(1, (int)merged["cells"]![1]!["execution_count"]!);
        Assert.Contains("Installed Packages", outputs[0]!.ToJsonString());
        Assert.Equal("100,000 ratings", (string?)outputs[1]!["text"]);
        Assert.DoesNotContain("/root/", File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void TheNoiseRuleKnowsTheLibrarysNoChromiumNotice() =>
        Assert.StartsWith(KernelNoise.NoChromiumNotice, DeepFm.Notebook.Hosting.PngExportNotice.Text, StringComparison.Ordinal);

    [Fact]
    public void MergeRefusesANotebookWithOtherCells()
    {
        var source = Write("source.ipynb", Notebook("{}", "[]"));
        var other = Write("other.ipynb", """{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}""");
        var target = Path.Combine(folder, "target.ipynb");

        var error = Assert.Throws<InvalidDataException>(() => NotebookOutputs.Merge(source, other, target));

        Assert.Contains("has 0 cells", error.Message);
        Assert.False(File.Exists(target));
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Notebook(string sourceMetadata, string outputs) => $$"""
        {"cells":[{"cell_type":"markdown","metadata":{},"source":["# title"]},
                  {"cell_type":"code","execution_count":null,"metadata":{},"outputs":{{outputs}},"source":["var x = 1;"]}],
         "metadata":{{sourceMetadata}},"nbformat":4,"nbformat_minor":5}
        """;
}
