namespace DeepFm.Notebook.Hosting;

/// <summary>
/// The C++ runtime (<c>libstdc++.so.6</c>) this process uses, and which <c>GLIBCXX_*</c> versions it provides.
/// </summary>
public static class SystemLibStdCxx
{
    private static readonly string[] WellKnownPaths =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    /// <summary>
    /// The path of libstdc++ as mapped into this process (the .NET runtime links it, so it is already loaded), or
    /// the first well-known location; null when none is found (not Linux, or a musl system).
    /// </summary>
    public static string? Locate()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && Path.GetFileName(line.AsSpan(slash)).StartsWith("libstdc++.so", StringComparison.Ordinal))
                {
                    return line[slash..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // /proc not mounted (some containers): fall back to the usual places.
        }
        return WellKnownPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>True when the libstdc++ at <paramref name="path"/> defines <paramref name="version"/>.</summary>
    public static bool Provides(string path, string version) =>
        ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(path), path).Contains(version);
}
