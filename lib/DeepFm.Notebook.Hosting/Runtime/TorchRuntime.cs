using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Hosting;

/// <summary>
/// The one place where running many TorchSharp calls changes process-wide state, opened explicitly by whoever runs
/// the work (<c>Trainer.Fit</c>, the ranking scorer, the benchmark, or a notebook cell:
/// <c>using var torchRuntime = TorchRuntime.Open(threads: 2);</c>) and undone when disposed. The model itself
/// changes nothing: its <c>forward</c> may be called inside or outside such a scope.
/// </summary>
/// <remarks>
/// While open:
/// <list type="bullet">
/// <item>the garbage collector is paused (<see cref="GarbageCollectionPause"/>: TorchSharp 0.107 can finalize a
/// Scalar that libtorch still reads); call <see cref="BetweenSteps"/> before each step to renew the pause when the
/// runtime has ended it;</item>
/// <item>glibc keeps freed tensor memory for reuse (<see cref="NativeAllocatorTuning"/>, once per process: it only
/// makes later steps faster);</item>
/// <item>libtorch uses <c>threads</c> threads, when given; the previous count comes back on dispose (libtorch's
/// OpenMP keeps this count per thread: it applies to work done on the thread that opened the scope, where
/// <c>Fit</c> runs);</item>
/// <item>TorchSharp's global generator (dropout) is seeded with <c>seed</c>, when given; its previous state comes
/// back on dispose.</item>
/// </list>
/// Scopes nest: an inner scope that asks for nothing leaves the outer one's settings in force.
/// <para>One scope at a time per process. All of the above is process-wide, so two trainings on two threads would undo
/// each other's settings and end each other's collector pause mid-step; a scope opened on another thread therefore
/// waits until the open one is disposed (it says so on the error stream if that takes longer than
/// <see cref="WaitNotice"/>). Scopes opened inside a scope, on the same thread or in tasks it starts, nest without
/// waiting (<c>Fit</c>'s evaluation inside <c>Fit</c>, a trainer inside a protocol).</para>
/// </remarks>
public sealed class TorchRuntime : IDisposable
{
    /// <summary>How long a scope waits for another thread's scope before saying so on the error stream.</summary>
    public static readonly TimeSpan WaitNotice = TimeSpan.FromSeconds(30);

    // Held by the outermost open scope; scopes nested in it (same thread, or tasks it started) see a depth above 0.
    private static readonly SemaphoreSlim OneScopeAtATime = new(1, 1);
    private static readonly AsyncLocal<int> DepthHere = new();

    private readonly GarbageCollectionPause collectorPause = new();
    private readonly bool outermost;
    private readonly int? previousThreads;
    private readonly Tensor? previousGeneratorState;
    private bool disposed;

    private TorchRuntime(int? threads, int? seed)
    {
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads,
                "libtorch needs at least one thread (for example Environment.ProcessorCount).");
        outermost = DepthHere.Value == 0;
        if (outermost) WaitForOtherScopes();
        DepthHere.Value++;
        try
        {
            if (threads is int count)
            {
                previousThreads = torch.get_num_threads();
                if (previousThreads != count) torch.set_num_threads(count);
            }
            if (seed is int value)
            {
                previousGeneratorState = torch.get_rng_state();
                torch.manual_seed(value);
            }
            NativeAllocatorTuning.Apply();
            collectorPause.EnsureActive();
        }
        catch
        {
            Dispose();   // a scope that failed to open leaves nothing behind, and lets the next one in
            throw;
        }
    }

    private static void WaitForOtherScopes()
    {
        if (OneScopeAtATime.Wait(WaitNotice)) return;
        Console.Error.WriteLine($"TorchRuntime: waiting for the scope another thread opened (over {WaitNotice.TotalSeconds:F0} s so far). "
            + "One training runs at a time; if nothing else is training, a TorchRuntime.Open() was never disposed: "
            + "open it with `using`.");
        OneScopeAtATime.Wait();
    }

    /// <summary>
    /// Opens a scope: the collector paused, and when given, <paramref name="threads"/> libtorch threads and the
    /// global generator seeded with <paramref name="seed"/>. Dispose it (a <c>using</c>) to undo all of it.
    /// </summary>
    public static TorchRuntime Open(int? threads = null, int? seed = null) => new(threads, seed);

    /// <summary>
    /// Renews the collector pause if the runtime ended it (its 32 MiB budget used up): call it between steps, where a
    /// collection is harmless, never inside one.
    /// </summary>
    public void BetweenSteps()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        collectorPause.EnsureActive();
    }

    /// <summary>Ends the pause this scope started and restores the thread count and generator it changed.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        collectorPause.Dispose();
        if (previousThreads is int threads && torch.get_num_threads() != threads) torch.set_num_threads(threads);
        if (previousGeneratorState is { } state)
        {
            torch.set_rng_state(state);
            state.Dispose();
        }
        DepthHere.Value = Math.Max(0, DepthHere.Value - 1);
        if (outermost) OneScopeAtATime.Release();
    }
}
