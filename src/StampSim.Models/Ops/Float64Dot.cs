using System.Numerics;

namespace StampSim.Models.Ops;

/// <summary>Dot products of float32 vectors accumulated in float64 (each float32 product is exact in float64).</summary>
internal static class Float64Dot
{
    /// <summary><c>sum a[i] * b[i]</c> in float64.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, width = Vector<float>.Count, i = 0;
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        for (; i <= n - width; i += width)
        {
            Vector.Widen(new Vector<float>(a[i..]), out var alo, out var ahi);
            Vector.Widen(new Vector<float>(b[i..]), out var blo, out var bhi);
            acc0 += alo * blo;
            acc1 += ahi * bhi;
        }
        double sum = Vector.Sum(acc0 + acc1);
        for (; i < n; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    /// <summary>
    /// The float32 overload's result for vectors already widened to float64 (bit for bit: the same products summed in
    /// the same order), for a vector dotted many times (attention's keys), which is then widened once.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, width = Vector<float>.Count, half = Vector<double>.Count, i = 0;
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        for (; i <= n - width; i += width)
        {
            // The low and high halves of one float32 vector, as Vector.Widen splits it.
            acc0 += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
            acc1 += new Vector<double>(a[(i + half)..]) * new Vector<double>(b[(i + half)..]);
        }
        double sum = Vector.Sum(acc0 + acc1);
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }
}
