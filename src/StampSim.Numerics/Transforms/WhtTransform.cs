using System.Numerics.Tensors;
using System.Numerics;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// <c>wht</c>: the normalised Walsh–Hadamard transform along the sequence (s a power of two),
/// with the butterfly order of the contract's stage 0. Self-inverse.
/// </summary>
public sealed class WhtTransform : ISequenceTransform
{
    private readonly ExecutionOptions _options;

    /// <summary>Plans a WHT of <paramref name="length"/> tokens.</summary>
    /// <exception cref="InputException">The length is not a power of two.</exception>
    public WhtTransform(int length, ExecutionOptions options)
    {
        Validate(length);
        Length = length;
        _options = options;
    }

    /// <summary>Rejects a sequence length that is not a power of two.</summary>
    /// <exception cref="InputException">The length is not a power of two.</exception>
    public static void Validate(int length)
    {
        if (!WalshHadamard.IsPowerOfTwo(length))
            throw new InputException($"numerics.transform: wht needs a power-of-two number of tokens, got s = {length}");
    }

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public int Levels => 0;

    /// <inheritdoc />
    public string Description => "wht";

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols) => Run(data, cols);

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols) => Run(data, cols);

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols) => Run(data, cols);

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols) => Run(data, cols);

    private void Run<T>(Span<T> data, int cols) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (data.Length != Length * cols)
            throw new ArgumentException($"expected {Length}x{cols} values, got {data.Length}");
        int m = Length;
        T scale = WalshHadamard.Scale<T>(m);
        ColumnBlocks.Run(data, cols, 1, _options, (d, stride, c0, w, tmp) =>
        {
            for (int h = 1; h < m; h <<= 1)
                for (int i = 0; i < m; i += 2 * h)
                    for (int j = i; j < i + h; j++)
                        WalshHadamard.Butterfly(d.Slice(j * stride + c0, w), d.Slice((j + h) * stride + c0, w), tmp);
            for (int r = 0; r < m; r++)
            {
                var row = d.Slice(r * stride + c0, w);
                TensorPrimitives.Multiply(row, scale, row);
            }
        });
    }
}
