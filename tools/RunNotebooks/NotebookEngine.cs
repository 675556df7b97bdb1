namespace DeepFm.RunNotebooks;

/// <summary>What executes a notebook headless.</summary>
public enum NotebookEngine
{
    /// <summary><c>dotnet repl --run</c> (dotnet-repl, a local tool): the default, and the one that reports progress.</summary>
    DotnetRepl,

    /// <summary><c>jupyter nbconvert --execute</c> with the .NET Interactive kernel: the path that outlives Polyglot Notebooks.</summary>
    Jupyter,
}
