namespace DeepFm.Notebook.Data;

/// <summary>
/// Random permutations that depend only on a seed: a Fisher–Yates shuffle driven by SplitMix64, written out here so
/// the order is the same on every machine and .NET version. It cannot reproduce TensorFlow's
/// <c>shuffle(100_000, seed=42)</c> order — that comes from TF's own Philox generator — so our split has the
/// original's sizes and randomness, not its exact rows.
/// </summary>
public static class SeededShuffle
{
    /// <summary>A permutation of 0 … <paramref name="count"/> − 1 drawn from <paramref name="seed"/>.</summary>
    public static int[] Permutation(int count, int seed)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        ShuffleInPlace(order, seed);
        return order;
    }

    /// <summary>Shuffles <paramref name="items"/> in place; the same seed and length give the same order.</summary>
    public static void ShuffleInPlace<T>(Span<T> items, int seed)
    {
        ulong state = (ulong)(uint)seed;
        for (int i = items.Length - 1; i > 0; i--)
        {
            // Multiply-high maps the 64-bit draw onto 0..i; its bias, below 2^-32 for these sizes, is immaterial.
            int j = (int)Math.BigMul(NextSplitMix64(ref state), (ulong)(i + 1), out _);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong NextSplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
