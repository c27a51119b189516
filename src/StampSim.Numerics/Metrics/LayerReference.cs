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
        int colTiles = ColumnTiles(n);
        var y = LargeArrays.Uninitialized<double>(checked(s * n));   // every element is written by its tile
        var signal = new double[(long)s * colTiles];
        ReferenceGemm.ForEachTile(inputs.X, inputs.W, inputs.Bias, options, (i0, rows, n0, cols, tile) =>
        {
            int ct = n0 / ReferenceGemm.TileCols;
            for (int r = 0; r < rows; r++)
            {
                var src = tile.Slice(r * cols, cols);
                src.CopyTo(y.AsSpan((i0 + r) * n + n0, cols));
                double sig = 0;
                foreach (double v in src) sig += v * v;
                signal[(long)(i0 + r) * colTiles + ct] = sig;
            }
        });
        return new LayerReference(inputs, y, LayerMetrics.SumInOrder(signal), colTiles);
    }

    /// <summary>
    /// Sum of squared errors of <paramref name="y"/> against the reference. Each row's errors are summed per
    /// column tile of <see cref="ReferenceGemm"/> in column order and the partial sums in (row, tile) order: the
    /// same float64 additions whatever the thread count.
    /// </summary>
    public double OutputError(Matrix<float> y, ExecutionOptions options)
    {
        int s = Inputs.Tokens, n = Inputs.Outputs;
        if (y.Rows != s || y.Cols != n)
            throw new ArgumentException($"output is ({y.Rows}, {y.Cols}), the reference ({s}, {n})", nameof(y));
        var noise = new double[(long)s * _colTiles];
        Parallel.For(0, s, options.Parallel, i =>
        {
            var yr = y.Row(i);
            var refRow = _y.AsSpan(i * n, n);
            for (int ct = 0; ct < _colTiles; ct++)
            {
                int n0 = ct * ReferenceGemm.TileCols, cols = Math.Min(ReferenceGemm.TileCols, n - n0);
                double err = 0;
                for (int c = n0; c < n0 + cols; c++)
                {
                    double e = yr[c] - refRow[c];
                    err += e * e;
                }
                noise[(long)i * _colTiles + ct] = err;
            }
        });
        return LayerMetrics.SumInOrder(noise);
    }

    private static int ColumnTiles(int n) => (n + ReferenceGemm.TileCols - 1) / ReferenceGemm.TileCols;
}
