using System.CommandLine;

namespace DeepFm.RunNotebooks;

/// <summary>
/// <c>dotnet run --project tools/RunNotebooks -- add-cell-ids notebooks/X.ipynb …</c>: gives every cell of notebooks
/// edited by hand or by a script a unique nbformat 4.5 id (<see cref="CellIds"/>, the same code the runner uses when
/// it writes a notebook), keeping existing ids and changing nothing else, so they validate before their next run.
/// </summary>
public static class AddCellIdsCommand
{
    /// <summary>The subcommand, for <see cref="RunCommand"/>.</summary>
    public static Command Create()
    {
        var paths = new Argument<FileInfo[]>("NOTEBOOK")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "The .ipynb files to give cell ids (e.g. notebooks/*.ipynb).",
        };
        var command = new Command("add-cell-ids",
            "Gives every cell of the given notebooks a unique nbformat 4.5 id, keeping existing ids; nothing else changes.")
        {
            paths,
        };
        command.SetAction(result => Run(result.GetValue(paths)!.Select(file => file.FullName), Console.Out));
        return command;
    }

    /// <summary>Adds the missing ids and writes back only the notebooks that changed; returns 0, or 1 for a missing file.</summary>
    public static int Run(IEnumerable<string> paths, TextWriter output)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                output.WriteLine($"{path}: no such notebook");
                return 1;
            }
            var notebook = NotebookFile.Read(path);
            var added = CellIds.Ensure(notebook);
            if (added > 0)
                NotebookFile.WriteAtomically(notebook, path);
            output.WriteLine($"{path}: {added} ids added");
        }
        return 0;
    }
}
