using System.Runtime.CompilerServices;
using DeepFm.Notebook.Hosting;

namespace DeepFm.Notebook.Tests;

internal static class TorchSetup
{
    // Before any test touches TorchSharp: make its native library loadable here (a no-op where libstdc++ is new enough).
    [ModuleInitializer]
    internal static void MakeTorchSharpLoadable() => TorchSharpNative.EnsureLoadable();
}
