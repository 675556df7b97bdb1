namespace DeepFm.Notebook.Hosting;

/// <summary>
/// The one line a run prints when it has no browser to render charts as PNG. Charts still display (interactive
/// only) and HTML files are still written; PNG files already in the repository are left as they are.
/// </summary>
/// <remarks>Printed once per process: a notebook that saves ten charts says it once, not ten times.</remarks>
public static class PngExportNotice
{
    /// <summary>The line itself: what was skipped, that nothing committed changed, and how to get the PNGs.</summary>
    public const string Text =
        "PNG pictures skipped: no Chromium found (charts stay interactive, committed PNGs are kept). To render them, " +
        "`apt-get install chromium` or set " + ChromiumLocator.EnvironmentVariable + " to a Chromium or Chrome executable.";

    private static int announced;

    /// <summary>True once <see cref="Announce"/> has printed the line in this process.</summary>
    public static bool WasAnnounced => Volatile.Read(ref announced) == 1;

    /// <summary>Prints <see cref="Text"/> to <paramref name="writer"/> (default: the console) the first time only.</summary>
    public static void Announce(TextWriter? writer = null)
    {
        if (Interlocked.Exchange(ref announced, 1) == 0)
            (writer ?? Console.Out).WriteLine(Text);
    }
}
