using System.Numerics;
using System.Numerics.Tensors;

namespace StampSim.Transforms;

/// <summary>
/// The normalised fast Walsh–Hadamard transform <c>WHT_m</c> of the contract: butterflies for
/// <c>h = 1, 2, 4, ..., m/2</c>, then every element times <c>c_m = f32(1/sqrt(m))</c>.
/// It is its own inverse.
/// </summary>
public static class WalshHadamard
{
    /// <summary>True when <paramref name="m"/> is a positive power of two.</summary>
    public static bool IsPowerOfTwo(int m) => m > 0 && (m & (m - 1)) == 0;

    /// <summary>The scale <c>1/sqrt(m)</c> evaluated in float64, rounded once to <typeparamref name="T"/>.</summary>
    public static T Scale<T>(int m) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateChecked(1.0 / Math.Sqrt(m));

    /// <summary>Transforms one contiguous vector in place (length a power of two).</summary>
    public static void Transform<T>(Span<T> v) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int m = v.Length;
        if (!IsPowerOfTwo(m))
            throw new ArgumentException($"WHT length {m} is not a power of two");
        const int scalarLimit = 16;
        Span<T> tmp = stackalloc T[0];
        T[]? rented = null;
        for (int h = 1; h < m; h <<= 1)
        {
            if (h < scalarLimit)
            {
                for (int i = 0; i < m; i += 2 * h)
                {
                    for (int j = i; j < i + h; j++)
                    {
                        T x = v[j], y = v[j + h];
                        v[j] = x + y;
                        v[j + h] = x - y;
                    }
                }
            }
            else
            {
                if (tmp.Length < h)
                {
                    rented ??= System.Buffers.ArrayPool<T>.Shared.Rent(m / 2);
                    tmp = rented.AsSpan(0, m / 2);
                }
                for (int i = 0; i < m; i += 2 * h)
                    Butterfly(v.Slice(i, h), v.Slice(i + h, h), tmp[..h]);
            }
        }
        TensorPrimitives.Multiply(v, Scale<T>(m), v);
        if (rented is not null) System.Buffers.ArrayPool<T>.Shared.Return(rented);
    }

    /// <summary>(x, y) ← (x + y, x − y) element-wise, each one IEEE operation.</summary>
    internal static void Butterfly<T>(Span<T> x, Span<T> y, Span<T> tmp) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(x, y, tmp);
        TensorPrimitives.Subtract(x, y, y);
        tmp.CopyTo(x);
    }
}
