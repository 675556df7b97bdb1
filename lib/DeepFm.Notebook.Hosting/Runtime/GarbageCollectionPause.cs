using System.Runtime;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// The TorchSharp Scalar-lifetime workaround, in one place: keeps the .NET garbage collector from running while
/// training or evaluation steps call into libtorch. Used through <see cref="TorchRuntime"/>, the one scope that
/// whoever runs many model calls opens (the tutorial's <c>Trainer</c>, the ranking scorer, a loop of your own).
/// </summary>
/// <remarks>
/// <para>The bug: TorchSharp 0.107 hands the native handle of a <c>Scalar</c> argument to libtorch without keeping the
/// Scalar alive for the length of the call (no <c>GC.KeepAlive</c>). Scalars are created implicitly all the time —
/// the hidden <c>alpha = 1</c> of every <c>a + b</c>, <c>x.pow(2)</c>, a <c>0.5 * x</c>, the <c>value:</c> arguments
/// inside TorchSharp's own Adagrad — so a collection triggered by another thread during such a call can finalize a
/// Scalar that libtorch is still reading. The run then dies at random with "Unknown scalar type" or "Expected false
/// to be true". We saw it in roughly one in two 100-epoch runs on a busy machine. The upstream fix is in progress:
/// https://github.com/dotnet/TorchSharp/pull/1434 (and https://github.com/dotnet/TorchSharp/pull/1496); once a
/// TorchSharp release carries it, this file can go (and <see cref="TorchRuntime"/> stops pausing the collector).</para>
/// <para>The workaround: inside a no-GC region nothing is collected, so nothing is finalized early. A step allocates
/// a few tens of kilobytes of managed memory, so one region with a <see cref="Budget"/> of 32 MiB lasts hundreds of
/// steps; when the budget runs out the runtime ends the region itself, and <see cref="EnsureActive"/> starts the next
/// one before the following step (one collection at that moment, between steps, where it is harmless). A region that
/// is still in force but has used more than half its budget is renewed there too: otherwise a step that allocates
/// more than what is left (the ranking scorer builds a few megabytes of inputs per batch) would run its libtorch calls
/// after the runtime ended the region mid-step, unprotected.</para>
/// <para>Outside such a region (a single forward pass in a notebook cell, a recommender scoring a few hundred movies)
/// a collection lands inside a libtorch call only rarely; code that runs many steps holds the pause through
/// <c>TorchRuntime.Open()</c>.</para>
/// </remarks>
public sealed class GarbageCollectionPause : IDisposable
{
    /// <summary>Managed bytes the process may allocate before the runtime ends a region by itself.</summary>
    public const long Budget = 32L * 1024 * 1024;

    private bool startedByUs;

    // Bytes allocated in the process when the region in force began (any pause's region: scopes nest).
    private static long allocatedAtRegionStart;

    /// <summary>True while a no-GC region is in force in this process.</summary>
    public static bool IsActive => GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>Managed bytes allocated since the region in force began (meaningful only while <see cref="IsActive"/>).</summary>
    public static long UsedBudget => GC.GetTotalAllocatedBytes() - Interlocked.Read(ref allocatedAtRegionStart);

    /// <summary>
    /// Starts a no-GC region unless one is in force with at least half its budget left; call before every step, after
    /// allocating the step's inputs and right before the libtorch calls.
    /// </summary>
    public void EnsureActive()
    {
        if (IsActive)
        {
            if (UsedBudget <= Budget / 2) return;
            try
            {
                GC.EndNoGCRegion();   // little budget left: end it here, between steps, and start a fresh one
            }
            catch (InvalidOperationException)
            {
                // The runtime ended it in between: nothing to end.
            }
        }
        try
        {
            bool started = GC.TryStartNoGCRegion(Budget);
            if (started) Interlocked.Exchange(ref allocatedAtRegionStart, GC.GetTotalAllocatedBytes());
            startedByUs = started || startedByUs;
        }
        catch (InvalidOperationException)
        {
            // Another region started in between (for example by the caller): it protects us just as well.
        }
    }

    /// <summary>Ends the region this pause started, if it is still in force.</summary>
    public void Dispose()
    {
        if (!startedByUs || !IsActive) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The runtime already ended the region (budget used up, or an induced collection): nothing to undo.
        }
        startedByUs = false;
    }
}
