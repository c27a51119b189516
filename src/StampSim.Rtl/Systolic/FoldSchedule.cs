using StampSim.Gemm;

namespace StampSim.Rtl.Systolic;

/// <summary>
/// The order in which the array runs a GEMM, the loop nest of the cost model's cycle model
/// (<c>StampCycleModel</c>): token tiles outermost, each reloading every weight; within a tile, the wide and
/// narrow tokens share folds unless they need different columns (a fused array's wide tokens use column
/// pairs), then they run one after the other; then output tiles, the folds of channels within them, and the
/// reduction chunks innermost in order, so each accumulator sees its chunks in the contract's order.
/// </summary>
public static class FoldSchedule
{
    /// <summary>The folds of an <c>M x K x N</c> GEMM.</summary>
    /// <param name="design">The array.</param>
    /// <param name="wide">Per token: wider than the native multiplier.</param>
    /// <param name="features">K.</param>
    /// <param name="outputs">N.</param>
    /// <param name="groupSize">Features per activation group (chunks restart at every group).</param>
    /// <param name="tileTokens">Tokens per tile of the mapping.</param>
    /// <param name="tileOutputs">Output channels per tile of the mapping.</param>
    public static Fold[] Build(ArrayDesign design, bool[] wide, int features, int outputs, int groupSize, int tileTokens, int tileOutputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tileTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileOutputs, 1);
        var segments = Segments.Cut(features, groupSize, design.Column.Rows);
        var folds = new List<Fold>();
        int tokens = wide.Length;
        bool split = design.WideColumns != design.Column.Cols;
        for (int t0 = 0; t0 < tokens; t0 += tileTokens)
        {
            int t1 = Math.Min(tokens, t0 + tileTokens);
            if (!split)
            {
                Add(folds, segments, t0, t1 - t0, outputs, tileOutputs, design.Column.Cols, fused: false);
                continue;
            }
            // Wide tokens are a prefix of the sequence (the first hi_tokens), so of every tile.
            int w = t0;
            while (w < t1 && wide[w]) w++;
            if (w > t0) Add(folds, segments, t0, w - t0, outputs, tileOutputs, design.WideColumns, fused: true);
            if (t1 > w) Add(folds, segments, w, t1 - w, outputs, tileOutputs, design.Column.Cols, fused: false);
        }
        return folds.ToArray();
    }

    private static void Add(List<Fold> folds, Segment[] segments, int token0, int count, int outputs, int tileOutputs, int columns, bool fused)
    {
        for (int n1 = 0; n1 < outputs; n1 += tileOutputs)
        {
            int end = Math.Min(outputs, n1 + tileOutputs);
            for (int n0 = n1; n0 < end; n0 += columns)
                for (int i = 0; i < segments.Length; i++)
                {
                    var s = segments[i];
                    bool first = i == 0 || segments[i - 1].LastInGroup;
                    folds.Add(new Fold(token0, count, s.Start, s.Length, n0, Math.Min(columns, end - n0), s.Group, first, fused));
                }
        }
    }
}
