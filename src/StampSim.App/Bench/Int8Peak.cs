using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
using StampSim.Numerics;
using StampSim.Reports.Bench;

namespace StampSim.App.Bench;

/// <summary>
/// The machine's int8 dot-product peak with the instruction set the engine's GEMM uses: a tight,
/// register-only loop of independent multiply-accumulate chains on every worker thread.
/// </summary>
internal static class Int8Peak
{
    private const int Chains = 12;

    /// <summary>Multiply-accumulates per second with <paramref name="kernel"/> on <paramref name="threads"/> threads.</summary>
    public static double MacsPerSecond(GemmKernel kernel, int threads, TimeSpan duration)
    {
        long iterations = 1 << 16;
        double perCall = Run(kernel, iterations);
        // Grow the loop until one call lasts about the requested time.
        while (perCall < duration.TotalSeconds / 4 && iterations < 1L << 34)
        {
            iterations *= 4;
            perCall = Run(kernel, iterations);
        }
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Run(kernel, iterations));
        double seconds = clock.Elapsed.TotalSeconds;
        return iterations * Chains * MacsPerInstruction(kernel) * threads / seconds;
    }

    private static double MacsPerInstruction(GemmKernel kernel) => kernel switch
    {
        GemmKernel.Avx512Bw => 64,  // vpmaddubsw zmm: 32 lanes x 2 products
        GemmKernel.AvxVnni => 32,   // vpdpbusd ymm: 8 lanes x 4 products
        GemmKernel.Avx2 => 16,      // vpmaddwd ymm: 16 products (the AVX2 kernel needs two per 32)
        _ => 1,
    };

    private static double Run(GemmKernel kernel, long iterations)
    {
        var clock = Stopwatch.StartNew();
        int sink = kernel switch
        {
            GemmKernel.Avx512Bw => MaddUbs512(iterations),
            GemmKernel.AvxVnni => Vnni(iterations),
            GemmKernel.Avx2 => Avx2Madd(iterations),
            _ => Scalar(iterations),
        };
        GC.KeepAlive(sink);
        return clock.Elapsed.TotalSeconds;
    }

    private static int Vnni(long n)
    {
        var a = Vector256.Create((byte)3);
        var b = Vector256.Create((sbyte)-2);
        Vector256<int> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector256<int> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        for (long i = 0; i < n; i++)
        {
            c0 = AvxVnni.MultiplyWideningAndAdd(c0, a, b); c1 = AvxVnni.MultiplyWideningAndAdd(c1, a, b);
            c2 = AvxVnni.MultiplyWideningAndAdd(c2, a, b); c3 = AvxVnni.MultiplyWideningAndAdd(c3, a, b);
            c4 = AvxVnni.MultiplyWideningAndAdd(c4, a, b); c5 = AvxVnni.MultiplyWideningAndAdd(c5, a, b);
            c6 = AvxVnni.MultiplyWideningAndAdd(c6, a, b); c7 = AvxVnni.MultiplyWideningAndAdd(c7, a, b);
            c8 = AvxVnni.MultiplyWideningAndAdd(c8, a, b); c9 = AvxVnni.MultiplyWideningAndAdd(c9, a, b);
            c10 = AvxVnni.MultiplyWideningAndAdd(c10, a, b); c11 = AvxVnni.MultiplyWideningAndAdd(c11, a, b);
        }
        return (c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11).ToScalar();
    }

    // The AVX-512BW kernel's instruction mix: vpmaddubsw into 16-bit sums, widened by vpmaddwd every 8 steps.
    private static int MaddUbs512(long n)
    {
        var a = Vector512.Create((byte)3);
        var b = Vector512.Create((sbyte)-2);
        var ones = Vector512.Create((short)1);
        Vector512<int> total = default;
        for (long i = 0; i < n; i += 8)
        {
            Vector512<short> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
            Vector512<short> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
            for (int k = 0; k < 8; k++, a += Vector512<byte>.One)
            {
                c0 += Avx512BW.MultiplyAddAdjacent(a, b); c1 += Avx512BW.MultiplyAddAdjacent(a, b);
                c2 += Avx512BW.MultiplyAddAdjacent(a, b); c3 += Avx512BW.MultiplyAddAdjacent(a, b);
                c4 += Avx512BW.MultiplyAddAdjacent(a, b); c5 += Avx512BW.MultiplyAddAdjacent(a, b);
                c6 += Avx512BW.MultiplyAddAdjacent(a, b); c7 += Avx512BW.MultiplyAddAdjacent(a, b);
                c8 += Avx512BW.MultiplyAddAdjacent(a, b); c9 += Avx512BW.MultiplyAddAdjacent(a, b);
                c10 += Avx512BW.MultiplyAddAdjacent(a, b); c11 += Avx512BW.MultiplyAddAdjacent(a, b);
            }
            total += Avx512BW.MultiplyAddAdjacent(c0 + c1 + c2 + c3 + c4 + c5, ones) + Avx512BW.MultiplyAddAdjacent(c6 + c7 + c8 + c9 + c10 + c11, ones);
        }
        return total.ToScalar();
    }

    private static int Avx2Madd(long n)
    {
        var b = Vector256.Create((short)-2);
        Vector256<int> c0 = Vector256.Create(1), c1 = Vector256.Create(2), c2 = Vector256.Create(3), c3 = Vector256.Create(4);
        Vector256<int> c4 = Vector256.Create(5), c5 = Vector256.Create(6), c6 = Vector256.Create(7), c7 = Vector256.Create(8);
        Vector256<int> c8 = Vector256.Create(9), c9 = Vector256.Create(10), c10 = Vector256.Create(11), c11 = Vector256.Create(12);
        // Each chain multiplies its own accumulator, so no two multiplies are the same expression.
        for (long i = 0; i < n; i++)
        {
            c0 += Avx2.MultiplyAddAdjacent(c0.AsInt16(), b); c1 += Avx2.MultiplyAddAdjacent(c1.AsInt16(), b);
            c2 += Avx2.MultiplyAddAdjacent(c2.AsInt16(), b); c3 += Avx2.MultiplyAddAdjacent(c3.AsInt16(), b);
            c4 += Avx2.MultiplyAddAdjacent(c4.AsInt16(), b); c5 += Avx2.MultiplyAddAdjacent(c5.AsInt16(), b);
            c6 += Avx2.MultiplyAddAdjacent(c6.AsInt16(), b); c7 += Avx2.MultiplyAddAdjacent(c7.AsInt16(), b);
            c8 += Avx2.MultiplyAddAdjacent(c8.AsInt16(), b); c9 += Avx2.MultiplyAddAdjacent(c9.AsInt16(), b);
            c10 += Avx2.MultiplyAddAdjacent(c10.AsInt16(), b); c11 += Avx2.MultiplyAddAdjacent(c11.AsInt16(), b);
        }
        return (c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11).ToScalar();
    }

    private static int Scalar(long n)
    {
        int c0 = 1, c1 = 2, c2 = 3, c3 = 4, c4 = 5, c5 = 6, c6 = 7, c7 = 8, c8 = 9, c9 = 10, c10 = 11, c11 = 12;
        const int b = -3, a = 7;
        for (long i = 0; i < n; i++)
        {
            c0 = c0 * b + a; c1 = c1 * b + a; c2 = c2 * b + a; c3 = c3 * b + a; c4 = c4 * b + a; c5 = c5 * b + a;
            c6 = c6 * b + a; c7 = c7 * b + a; c8 = c8 * b + a; c9 = c9 * b + a; c10 = c10 * b + a; c11 = c11 * b + a;
        }
        return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
    }
}
