using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StampSim.Transforms;

/// <summary>
/// The two butterfly halves of the Haar DWT, one IEEE operation at a time as the contract
/// writes them: <c>f32(f32(x + y) * c)</c> and <c>f32(f32(x - y) * c)</c>. Rows of a column block
/// are short (64 values), so these are plain vector loops: a library call's dispatch would cost more
/// than the arithmetic. Every lane rounds as the scalar tail does.
/// </summary>
internal static class PairOps
{
    public static void Sum<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> dst) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Run(x, y, c, dst, subtract: false);

    public static void Diff<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> dst) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Run(x, y, c, dst, subtract: true);

    /// <summary>1/sqrt(2) in the element type: <c>0.70710677f</c> for float32, exact-rounded for float64.</summary>
    public static T InvSqrt2<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateChecked(1.0 / Math.Sqrt(2.0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> dst, bool subtract) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (y.Length != x.Length || dst.Length != x.Length) throw new ArgumentException("butterfly operands differ in length");
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vc = Vector256.Create(c);
            for (; i + Vector256<T>.Count <= x.Length; i += Vector256<T>.Count)
            {
                var a = Vector256.Create(x.Slice(i, Vector256<T>.Count));
                var b = Vector256.Create(y.Slice(i, Vector256<T>.Count));
                ((subtract ? a - b : a + b) * vc).CopyTo(dst.Slice(i, Vector256<T>.Count));
            }
        }
        for (; i < x.Length; i++)
            dst[i] = (subtract ? x[i] - y[i] : x[i] + y[i]) * c;
    }
}
