using System.Numerics;
using System.Numerics.Tensors;

namespace StampSim.Transforms;

/// <summary>
/// The two butterfly halves of the Haar DWT, one IEEE operation at a time as the contract
/// writes them: <c>f32(f32(x + y) * c)</c> and <c>f32(f32(x - y) * c)</c>.
/// </summary>
internal static class PairOps
{
    public static void Sum<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> dst) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        TensorPrimitives.AddMultiply(x, y, c, dst);

    public static void Diff<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T c, Span<T> dst) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        TensorPrimitives.Subtract(x, y, dst);
        TensorPrimitives.Multiply(dst, c, dst);
    }

    /// <summary>1/sqrt(2) in the element type: <c>0.70710677f</c> for float32, exact-rounded for float64.</summary>
    public static T InvSqrt2<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateChecked(1.0 / Math.Sqrt(2.0));
}
