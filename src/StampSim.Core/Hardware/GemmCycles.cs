namespace StampSim.Hardware;

/// <summary>
/// SCALE-Sim v2's GEMM compute cycles on a systolic MAC array (ifmap <c>M x K</c>, filter <c>K x N</c>,
/// array <c>R x C</c>): the dataflow spreads two dimensions over rows and columns (Sr, Sc) and streams the
/// third (T): ws (K, N, M), os (M, N, K), is (K, M, N); <c>ceil(Sr/R) · ceil(Sc/C)</c> folds, each
/// (partial ones included) <c>T</c> plus the dataflow's <see cref="Dataflow.FoldOverhead"/> cycles.
/// </summary>
public static class GemmCycles
{
    /// <summary>
    /// The "Total Cycles" SCALE-Sim v2 reports for a stall-free GEMM: the number of demand-matrix
    /// rows minus one (SCALE-Sim reports the 0-based index of the last row; reproduced as is).
    /// </summary>
    public static long ScaleSim(Dataflow dataflow, int rows, int cols, long m, long k, long n)
    {
        long sr = Dataflow.Extent(dataflow.Rows, m, k, n), sc = Dataflow.Extent(dataflow.Cols, m, k, n), t = Dataflow.Extent(dataflow.Streamed, m, k, n);
        long folds = Ceil(sr, rows) * Ceil(sc, cols);
        return folds * (t + dataflow.FoldOverhead(rows, cols)) - 1;
    }

    /// <summary>Folds of <paramref name="total"/> elements cut into tiles of <paramref name="tile"/>, each tile spread over <paramref name="lanes"/> lanes (a partial tile still takes whole folds).</summary>
    public static long TiledFolds(long total, long tile, int lanes) =>
        total / tile * Ceil(tile, lanes) + (total % tile > 0 ? Ceil(total % tile, lanes) : 0);

    private static long Ceil(long a, long b) => (a + b - 1) / b;
}
