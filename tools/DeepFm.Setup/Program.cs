// Runs after restore (the README's set-up step and .ci/run call it): patches TorchSharp's native library where the
// system libstdc++ is too old for it (Debian 12), and does nothing elsewhere. Prints one line saying what it did.
using DeepFm.Notebook.Hosting;

try
{
    Console.WriteLine(TorchSharpNative.EnsureLoadable());
    return 0;
}
catch (Exception error) when (error is ElfFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"TorchSharp native setup failed: {error.Message}");
    return 1;
}
