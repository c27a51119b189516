using System.Globalization;

namespace StampSim.Gpu.Crosscheck;

/// <summary>Compares a stage's output with the golden values element by element.</summary>
public static class ArrayComparer
{
    /// <summary>
    /// Compares float32 arrays bit for bit, with ulp distances and absolute errors. The largest ulp distance is
    /// taken over pairs of the same sign (a sign flip is counted apart: across zero the ordered line says little);
    /// mismatches more than <paramref name="tolerance"/> ulps apart, sign flips and NaN are counted beyond tolerance.
    /// </summary>
    public static StageComparison Compare(string stage, long[] shape, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, long tolerance = 0)
    {
        RequireSameLength(stage, expected.Length, actual.Length);
        var buckets = new long[UlpHistogram.Labels.Count];
        long mismatches = 0, maxUlp = 0, flips = 0, beyond = 0;
        long? first = null;
        double maxAbs = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            float e = expected[i], a = actual[i];
            if (BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a))
            {
                buckets[0]++;
                continue;
            }
            mismatches++;
            first ??= i;
            long ulp = UlpDistance(e, a);
            buckets[UlpHistogram.Bucket(ulp)]++;
            bool flip = e != 0f && a != 0f && !float.IsNaN(e) && !float.IsNaN(a) && float.IsNegative(e) != float.IsNegative(a);
            if (flip) flips++;
            else maxUlp = Math.Max(maxUlp, ulp);
            if (flip || ulp > tolerance) beyond++;
            double err = Math.Abs((double)e - a);
            maxAbs = double.IsNaN(err) || double.IsNaN(maxAbs) ? double.NaN : Math.Max(maxAbs, err);
        }
        return new StageComparison(stage, shape, mismatches, first,
            first is long f ? expected[(int)f].ToString("R", CultureInfo.InvariantCulture) : null,
            first is long g ? actual[(int)g].ToString("R", CultureInfo.InvariantCulture) : null,
            maxAbs, maxUlp, new UlpHistogram(buckets), flips, beyond);
    }

    /// <summary>Compares integer arrays; distances are integer differences (saturating).</summary>
    public static StageComparison Compare(string stage, long[] shape, ReadOnlySpan<long> expected, ReadOnlySpan<long> actual)
    {
        RequireSameLength(stage, expected.Length, actual.Length);
        var buckets = new long[UlpHistogram.Labels.Count];
        long mismatches = 0, maxUlp = 0;
        long? first = null;
        for (int i = 0; i < expected.Length; i++)
        {
            long e = expected[i], a = actual[i];
            if (e == a)
            {
                buckets[0]++;
                continue;
            }
            mismatches++;
            first ??= i;
            long diff = e > a ? (long)Math.Min((ulong)(e - a), long.MaxValue - 1) : (long)Math.Min((ulong)(a - e), long.MaxValue - 1);
            buckets[UlpHistogram.Bucket(diff)]++;
            maxUlp = Math.Max(maxUlp, diff);
        }
        return new StageComparison(stage, shape, mismatches, first,
            first is long f ? expected[(int)f].ToString(CultureInfo.InvariantCulture) : null,
            first is long g ? actual[(int)g].ToString(CultureInfo.InvariantCulture) : null,
            maxUlp, maxUlp, new UlpHistogram(buckets), 0, mismatches);
    }

    /// <summary>
    /// Units in the last place between two float32 values on the ordered integer line (<c>-0</c> and
    /// <c>+0</c> are 0 apart); <see cref="long.MaxValue"/> when either is NaN.
    /// </summary>
    public static long UlpDistance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return long.MaxValue;
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    private static long Ordered(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        return bits < 0 ? int.MinValue - (long)bits : bits;
    }

    private static void RequireSameLength(string stage, int expected, int actual)
    {
        if (expected != actual)
            throw new ArgumentException($"{stage}: {actual} elements to compare with {expected} golden elements");
    }
}
