using StampSim.Models.Ops;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Models.Linear;

/// <summary>
/// The float32 reference executor: <c>Y = X W^T + b</c> with every dot product (bias included)
/// accumulated in float64 and rounded once to float32. Vectorized and parallel; the result does
/// not depend on the thread count.
/// </summary>
public sealed class Float32LinearExecutor : ILinearExecutor
{
    // Below this many multiply-adds a layer is faster on one thread than split across several.
    private const long SerialWork = 1 << 17;

    // Output channels handled by one parallel work item: enough to amortise scheduling, few
    // enough that a single-token layer (a classifier on CLS) still spreads over the cores.
    private const int ColumnTile = 64;

    /// <summary>Creates the executor; <paramref name="options"/> sets only the thread count.</summary>
    public Float32LinearExecutor(ExecutionOptions? options = null) => Options = options ?? ExecutionOptions.Default;

    /// <summary>Threads.</summary>
    public ExecutionOptions Options { get; }

    /// <inheritdoc />
    public Matrix<float> Linear(LinearCall call) => Multiply(call.X, call.W, call.Bias, Options);

    /// <summary><c>X W^T + b</c> for X (s, d), W (n, d), b (n) or null.</summary>
    public static Matrix<float> Multiply(Matrix<float> x, Matrix<float> w, float[]? bias, ExecutionOptions options)
    {
        if (x.Cols != w.Cols)
            throw new ArgumentException($"X is ({x.Rows}, {x.Cols}) but W is ({w.Rows}, {w.Cols})");
        int s = x.Rows, n = w.Rows;
        var y = new Matrix<float>(s, n);
        int tilesPerRow = (n + ColumnTile - 1) / ColumnTile;
        int tiles = s * tilesPerRow;
        void Tile(int t)
        {
            int i = t / tilesPerRow, j0 = t % tilesPerRow * ColumnTile, j1 = Math.Min(n, j0 + ColumnTile);
            ReadOnlySpan<float> row = x.Row(i);
            Span<float> output = y.Row(i);
            for (int j = j0; j < j1; j++)
            {
                double acc = Float64Dot.Dot(row, w.Row(j));
                if (bias is not null) acc += bias[j];
                output[j] = (float)acc;
            }
        }
        if ((long)s * n * x.Cols < SerialWork || options.Threads == 1)
            for (int t = 0; t < tiles; t++) Tile(t);
        else
            Parallel.For(0, tiles, options.Parallel, Tile);
        return y;
    }
}
