using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Models.Linear;

/// <summary>
/// Block-diagonal feature Walsh–Hadamard transform: the contract's <c>WHT_b</c> on each contiguous
/// block of b features. A row-major (rows, d) matrix is exactly a (rows·d/b, b) matrix, so the
/// engine's own row transform does the work with the contract's arithmetic.
/// </summary>
internal static class BlockHadamard
{
    /// <summary>A transformed copy of <paramref name="m"/>; <paramref name="block"/> is a power of two dividing its columns.</summary>
    public static Matrix<float> Apply(Matrix<float> m, int block, ExecutionOptions options)
    {
        var data = (float[])m.Data.Clone();
        FeatureHadamard.Apply(data, m.Rows * (m.Cols / block), block, options);
        return new Matrix<float>(m.Rows, m.Cols, data);
    }
}
