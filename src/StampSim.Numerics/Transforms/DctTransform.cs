using System.Numerics.Tensors;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// <c>dct</c>: the orthonormal DCT-II along the sequence, evaluated in float64 (products summed
/// in ascending index order with fused multiply-adds) and rounded once to float32. Its inverse
/// (DCT-III) likewise. The basis uses the platform's <see cref="Math.Cos"/>; the contract allows
/// one-ulp differences from other implementations for this transform.
/// </summary>
public sealed class DctTransform : ISequenceTransform
{
    private readonly ExecutionOptions _options;
    private readonly double[] _basis;      // C[k, n], row k
    private readonly double[] _basisT;     // C[n, k] = C^T, row n

    /// <summary>Plans a DCT of <paramref name="length"/> tokens.</summary>
    public DctTransform(int length, ExecutionOptions options)
    {
        Length = length;
        _options = options;
        _basis = new double[(long)length * length];
        _basisT = new double[(long)length * length];
        for (int k = 0; k < length; k++)
        {
            double norm = Math.Sqrt((k == 0 ? 1.0 : 2.0) / length);
            for (int n = 0; n < length; n++)
            {
                // cos(pi (2n+1) k / 2N), with the angle reduced exactly modulo 4N in integers.
                long m = (long)(2 * n + 1) * k % (4L * length);
                double v = norm * Math.Cos(Math.PI * m / (2.0 * length));
                _basis[(long)k * length + n] = v;
                _basisT[(long)n * length + k] = v;
            }
        }
    }

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public int Levels => 0;

    /// <inheritdoc />
    public string Description => "dct";

    /// <summary>A copy of the float64 matrix the forward transform multiplies by: <c>C[k, n]</c>, row k (other engines reproduce the golden bits with it).</summary>
    public double[] ForwardMatrix() => (double[])_basis.Clone();

    /// <summary>A copy of the float64 matrix of the inverse: <c>C^T</c>, row n.</summary>
    public double[] InverseMatrix() => (double[])_basisT.Clone();

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols) => Apply(data, cols, _basis);

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols) => Apply(data, cols, _basisT);

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols) => Apply(data, cols, _basis);

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols) => Apply(data, cols, _basisT);

    private void Apply(Span<float> data, int cols, double[] matrix)
    {
        int s = Length;
        ColumnBlocks.Run(data, cols, 0, _options, (d, stride, c0, w, _) =>
        {
            var rented = System.Buffers.ArrayPool<double>.Shared.Rent(2 * s * w);
            var input = rented.AsSpan(0, s * w);
            var output = rented.AsSpan(s * w, s * w);
            for (int r = 0; r < s; r++)
                TensorPrimitives.ConvertChecked<float, double>(d.Slice(r * stride + c0, w), input.Slice(r * w, w));
            MultiplyInto(matrix, s, input, w, output);
            for (int r = 0; r < s; r++)
            {
                // One rounding from float64 to float32 (round to nearest even).
                var src = output.Slice(r * w, w);
                var dst = d.Slice(r * stride + c0, w);
                for (int i = 0; i < w; i++) dst[i] = (float)src[i];
            }
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
        });
    }

    private void Apply(Span<double> data, int cols, double[] matrix)
    {
        int s = Length;
        ColumnBlocks.Run(data, cols, 2 * s, _options, (d, stride, c0, w, scratch) =>
        {
            var input = scratch[..(s * w)];
            for (int r = 0; r < s; r++)
                d.Slice(r * stride + c0, w).CopyTo(input.Slice(r * w, w));
            MultiplyInto(matrix, s, input, w, scratch.Slice(s * w, s * w));
            for (int r = 0; r < s; r++)
                scratch.Slice((s + r) * w, w).CopyTo(d.Slice(r * stride + c0, w));
        });
    }

    // out[k, :] = sum_n M[k, n] * in[n, :], n ascending, one FMA per term.
    private static void MultiplyInto(double[] m, int s, ReadOnlySpan<double> input, int w, Span<double> output)
    {
        output.Clear();
        for (int k = 0; k < s; k++)
        {
            var acc = output.Slice(k * w, w);
            var row = m.AsSpan(k * s, s);
            for (int n = 0; n < s; n++)
                TensorPrimitives.FusedMultiplyAdd(input.Slice(n * w, w), row[n], acc, acc);
        }
    }
}
