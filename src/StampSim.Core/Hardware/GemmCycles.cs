
namespace StampSim.Hardware;

/// <summary>
/// GEMM compute cycles on a systolic MAC array, fold by fold, following SCALE-Sim v2's compute
/// modules (ifmap <c>M x K</c>, filter <c>K x N</c>, array <c>R x C</c>):
/// <list type="table">
/// <item><term>os</term><description>(Sr, Sc, T) = (M, N, K); a fold takes <c>R + C + T − 2</c> cycles</description></item>
/// <item><term>ws</term><description>(Sr, Sc, T) = (K, N, M); a fold takes <c>2R + C + T − 2</c></description></item>
/// <item><term>is</term><description>(Sr, Sc, T) = (K, M, N); a fold takes <c>2R + C + T − 2</c></description></item>
/// </list>
/// with <c>ceil(Sr/R) · ceil(Sc/C)</c> folds, every fold (partial ones included) the same length.
/// </summary>
public static class GemmCycles
{
    /// <summary>
    /// The "Total Cycles" SCALE-Sim v2 reports for a stall-free GEMM: the number of demand-matrix
    /// rows minus one (SCALE-Sim reports the 0-based index of the last row; reproduced as is).
    /// </summary>
    public static long ScaleSim(Dataflow dataflow, int rows, int cols, long m, long k, long n)
    {
        var (folds, perFold, _) = Folds(dataflow, rows, cols, m, k, n);
        return folds * perFold - 1;
    }

    /// <summary>
    /// StampSim's cycles: SCALE-Sim's folds, the streamed dimension T taking <paramref name="passes"/>
    /// cycles per element (nibble-serial wide tokens, extra weight passes). Returns streaming cycles and
    /// the fill/drain cycles of the systolic pipeline separately (without SCALE-Sim's −1).
    /// </summary>
    public static (long Stream, long Skew) Stamp(Dataflow dataflow, int rows, int cols, long m, long k, long n, int passes)
    {
        var (folds, perFold, t) = Folds(dataflow, rows, cols, m, k, n);
        return (folds * t * passes, folds * (perFold - t));
    }

    private static (long Folds, long PerFold, long T) Folds(Dataflow dataflow, int rows, int cols, long m, long k, long n)
    {
        var (sr, sc, t) = dataflow switch
        {
            Dataflow.Os => (m, n, k),
            Dataflow.Ws => (k, n, m),
            _ => (k, m, n),
        };
        long folds = ((sr + rows - 1) / rows) * ((sc + cols - 1) / cols);
        long perFold = dataflow == Dataflow.Os ? rows + cols + t - 2 : 2L * rows + cols + t - 2;
        return (folds, perFold, t);
    }
}
