namespace StampSim.Hardware;

/// <summary>
/// The mapping search: every loop order and token/output tile of the candidate grid, each evaluated by
/// the <see cref="MappingEvaluator"/>; the best has the fewest cycles, then the least energy.
/// </summary>
internal static class Mapper
{
    /// <summary>The best mapping that fits, or null with the smallest tiling tried when none does.</summary>
    public static (MappingCost? Best, (int Tm, int Tn)? Smallest) Search(MappingEvaluator evaluator, int block, int dwtFeatures)
    {
        var shape = evaluator.Workload.Shape;
        MappingCost? best = null;
        (int Tm, int Tn)? smallest = null;
        foreach (var order in new[] { LoopOrder.ActivationsOuter, LoopOrder.WeightsOuter })
        {
            foreach (int tm in Candidates(block, shape.Tokens, block))
            {
                foreach (int tn in Candidates(evaluator.Mac.Cols, shape.Outputs, 1))
                {
                    var cost = evaluator.Evaluate(order, tm, tn, dwtFeatures);
                    if (cost is null)
                    {
                        // Larger output tiles need more of every buffer: none of them fits either.
                        smallest ??= (tm, tn);
                        break;
                    }
                    if (best is null || cost.Cycles < best.Cycles || (cost.Cycles == best.Cycles && cost.Energy.Total < best.Energy.Total))
                        best = cost;
                }
            }
        }
        return (best, smallest);
    }

    /// <summary>Tile sizes: multiples of <paramref name="unit"/> doubling up to <paramref name="total"/>, and the whole dimension.</summary>
    public static IEnumerable<int> Candidates(int unit, int total, int align)
    {
        int first = Math.Max(align, unit / align * align);
        for (long t = first; t < total; t *= 2)
            yield return (int)t;
        yield return total;
    }
}
