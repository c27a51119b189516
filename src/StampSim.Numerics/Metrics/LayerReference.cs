using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Metrics;

/// <summary>
/// The float64 reference output <c>Yref = X W^T + b</c> of one layer's inputs (<see cref="ReferenceGemm"/>) and its
/// energy, computed once and kept so every numerics setting run on these inputs is measured against it
/// (<see cref="OutputError"/>) without recomputing it: the reference is the most expensive metric, and a layer is
/// evaluated under several settings (STaMP and its baselines, a sweep's settings, several configs).
/// It holds one s x n float64 matrix; release it with the layer.
/// </summary>
public sealed class LayerReference
{
    // Rows per task of the output error.
    private const int RowsPerTask = 16;

    private readonly double[] _y;
    private readonly int _colTiles;

    private LayerReference(LayerInputs inputs, double[] y, double signal, int colTiles)
    {
        Inputs = inputs;
        _y = y;
        SignalEnergy = signal;
        _colTiles = colTiles;
    }

    /// <summary>The inputs the reference was computed from.</summary>
    public LayerInputs Inputs { get; }

    /// <summary>Sum of squares of the reference output.</summary>
    public double SignalEnergy { get; }

    /// <summary>Computes the reference of <paramref name="inputs"/>.</summary>
    public static LayerReference Compute(LayerInputs inputs, ExecutionOptions options)
    {
        int s = inputs.Tokens, n = inputs.Outputs;
        var y = LargeArrays.Uninitialized<double>(checked(s * n));   // every element is written by its tile
        double signal = Stream(inputs, options, (i0, rows, n0, cols, tile) =>
        {
            for (int r = 0; r < rows; r++)
                tile.Slice(r * cols, cols).CopyTo(y.AsSpan((i0 + r) * n + n0, cols));
        });
        return new LayerReference(inputs, y, signal, ColumnTiles(n));
    }

    /// <summary>
    /// The reference's energy and the squared error of <paramref name="y"/> against it, for one numerics setting:
    /// each tile is measured as it streams, so the s x n reference is never kept. The sums are those of
    /// <see cref="SignalEnergy"/> and <see cref="OutputError"/>.
    /// </summary>
    public static (double Signal, double Error) Measure(LayerInputs inputs, Matrix<float> y, ExecutionOptions options)
    {
        int s = inputs.Tokens, n = inputs.Outputs, colTiles = ColumnTiles(n);
        CheckShape(y, s, n);
        var noise = new double[(long)s * colTiles];
        double signal = Stream(inputs, options, (i0, rows, n0, cols, tile) =>
        {
            RowSums.SquaredErrors(y.Data.AsSpan(i0 * n + n0), n, tile, cols, rows, cols,
                noise.AsSpan(i0 * colTiles + n0 / ReferenceGemm.TileCols), colTiles);
        });
        return (signal, LayerMetrics.SumInOrder(noise));
    }

    /// <summary>
    /// Sum of squared errors of <paramref name="y"/> against the reference. Each row's errors are summed per
    /// column tile of <see cref="ReferenceGemm"/> in column order and the partial sums in (row, tile) order: the
    /// same float64 additions whatever the thread count.
    /// </summary>
    public double OutputError(Matrix<float> y, ExecutionOptions options)
    {
        int s = Inputs.Tokens, n = Inputs.Outputs;
        CheckShape(y, s, n);
        var noise = new double[(long)s * _colTiles];
        int tasks = (s + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, tasks, options.Parallel, t =>
        {
            int i0 = t * RowsPerTask, rows = Math.Min(RowsPerTask, s - i0);
            for (int ct = 0; ct < _colTiles; ct++)
            {
                int n0 = ct * ReferenceGemm.TileCols, cols = Math.Min(ReferenceGemm.TileCols, n - n0);
                RowSums.SquaredErrors(y.Data.AsSpan(i0 * n + n0), n, _y.AsSpan(i0 * n + n0), n, rows, cols,
                    noise.AsSpan(i0 * _colTiles + ct), _colTiles);
            }
        });
        return LayerMetrics.SumInOrder(noise);
    }

    // Streams the reference's tiles to also and returns its energy: each row's squares summed per column tile in
    // column order, the partial sums in (row, tile) order.
    private static double Stream(LayerInputs inputs, ExecutionOptions options, ReferenceGemm.TileConsumer also)
    {
        int colTiles = ColumnTiles(inputs.Outputs);
        var signal = new double[(long)inputs.Tokens * colTiles];
        ReferenceGemm.ForEachTile(inputs.X, inputs.W, inputs.Bias, options, (i0, rows, n0, cols, tile) =>
        {
            RowSums.Squares(tile, cols, rows, cols, signal.AsSpan(i0 * colTiles + n0 / ReferenceGemm.TileCols), colTiles);
            also(i0, rows, n0, cols, tile);
        });
        return LayerMetrics.SumInOrder(signal);
    }

    private static void CheckShape(Matrix<float> y, int s, int n)
    {
        if (y.Rows != s || y.Cols != n)
            throw new ArgumentException($"output is ({y.Rows}, {y.Cols}), the reference ({s}, {n})", nameof(y));
    }

    private static int ColumnTiles(int n) => (n + ReferenceGemm.TileCols - 1) / ReferenceGemm.TileCols;
}
