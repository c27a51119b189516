using System.Numerics;

namespace StampSim.Traces.Synthetic;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: a small generator written out here
/// so synthetic traces are identical on every machine and runtime (System.Random makes no such promise).
/// Each independent stream is derived from the trace seed and a path of integers (role, layer, channel),
/// so streams can be generated in any order or in parallel.
/// </summary>
public sealed class Xoshiro256
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for <paramref name="seed"/> and <paramref name="path"/>.</summary>
    public Xoshiro256(ulong seed, params ReadOnlySpan<ulong> path)
    {
        ulong key = Finalize(seed);
        foreach (var p in path) key = Finalize(key + Golden * (p + 1));
        _s0 = SplitMix(ref key);
        _s1 = SplitMix(ref key);
        _s2 = SplitMix(ref key);
        _s3 = SplitMix(ref key);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = Golden; // the one state xoshiro cannot leave
    }

    private Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>A generator started from a raw state (for checking against the reference implementation's published outputs).</summary>
    internal static Xoshiro256 FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="bound"/>), unbiased (rejection of the short last interval).</summary>
    public ulong Below(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        ulong threshold = (0 - bound) % bound;
        while (true)
        {
            ulong r = Next();
            if (r >= threshold) return r % bound;
        }
    }

    /// <summary>SplitMix64, the generator that seeds the state (Vigna's <c>splitmix64.c</c>).</summary>
    internal static ulong SplitMix(ref ulong state) => Finalize(state += Golden);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
