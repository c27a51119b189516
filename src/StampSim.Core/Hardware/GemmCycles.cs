using StampSim.Config;

namespace StampSim.Hardware;

/// <summary>GEMM compute cycles on a systolic MAC array, fold by fold.</summary>
public static class GemmCycles
{
    /// <summary>SCALE-Sim v2's compute cycles for an <c>M x K</c> by <c>K x N</c> GEMM.</summary>
    public static long ScaleSim(Dataflow dataflow, int rows, int cols, long m, long k, long n)
    {
        var (stream, skew) = Stamp(dataflow, rows, cols, m, k, n, 1);
        return stream + skew;
    }

    /// <summary>
    /// StampSim's cycles: SCALE-Sim's folds, with the streamed dimension taking <paramref name="passes"/>
    /// cycles per element (nibble-serial wide tokens); returns streaming and fill/drain cycles separately.
    /// </summary>
    public static (long Stream, long Skew) Stamp(Dataflow dataflow, int rows, int cols, long m, long k, long n, int passes)
    {
        // Operand mapping (ifmap M x K, filter K x N): Sr x Sc is the array-mapped extent, T streams.
        var (sr, sc, t) = dataflow switch
        {
            Dataflow.Os => (m, n, k),
            Dataflow.Ws => (k, n, m),
            _ => (k, m, n),
        };
        long rowFolds = (sr + rows - 1) / rows, colFolds = (sc + cols - 1) / cols;
        long folds = rowFolds * colFolds;
        long streamPasses = dataflow == Dataflow.Ws || (dataflow == Dataflow.Os) ? passes : passes;
        return (folds * t * streamPasses, folds * (2L * rows + cols - 2));
    }
}
