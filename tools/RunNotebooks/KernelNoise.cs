using System.Text.Json.Nodes;

namespace DeepFm.RunNotebooks;

/// <summary>
/// Outputs the kernel writes about itself rather than about the code: the "Installing Packages" progress that
/// dotnet repl saves several times over, and "Loading extensions from &lt;absolute path in the NuGet cache&gt;" lines.
/// They are dropped from committed notebooks (the final "Installed Packages" list stays): they repeat, and they
/// carry the absolute paths of the machine that ran the notebook.
/// </summary>
public static class KernelNoise
{
    /// <summary>
    /// How the library's notice for a machine without Chromium begins (Hosting's PngExportNotice.Text): it says
    /// something about the machine that ran the notebook, not about the notebook, and the run's end message already
    /// says which charts lack pictures and how to get them.
    /// </summary>
    public const string NoChromiumNotice = "PNG pictures skipped: no Chromium found";

    /// <summary>True when <paramref name="output"/> (one entry of a cell's outputs) is kernel noise.</summary>
    public static bool IsNoise(JsonNode? output)
    {
        if ((string?)output?["output_type"] == "stream")
        {
            var lines = NotebookFile.Text(output!["text"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length > 0 && lines.All(line => line.StartsWith(NoChromiumNotice, StringComparison.Ordinal));
        }
        var data = output?["data"];
        if (data is null) return false;
        var plain = NotebookFile.Text(data["text/plain"]);
        var html = NotebookFile.Text(data["text/html"]);
        return plain.StartsWith("Loading extensions from", StringComparison.Ordinal)
            || html.Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal);
    }
}
