namespace StampSim.Hardware;

/// <summary>
/// The mapping search: every loop order and token/output tile of the candidate grid, each evaluated by
/// the <see cref="MappingEvaluator"/> at the best reduction tile of its kind (all its costs fall as that
/// tile grows, so the search is exhaustive over the three tile dimensions); the best is the least by the
/// config's <see cref="MappingObjective"/>.
/// </summary>
internal static class Mapper
{
    /// <summary>Every mapping of the grid that fits, in enumeration order, and the smallest tiling tried when none does.</summary>
    public static (IReadOnlyList<MappingCost> Legal, (int Tm, int Tn)? Smallest) Enumerate(MappingEvaluator evaluator, int block, int dwtFeatures)
    {
        var shape = evaluator.Workload.Shape;
        var legal = new List<MappingCost>();
        (int Tm, int Tn)? smallest = null;
        foreach (var order in Enum.GetValues<LoopOrder>())
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
                    legal.Add(cost);
                }
            }
        }
        return (legal, smallest);
    }

    /// <summary>The best of <paramref name="legal"/> by <paramref name="objective"/> (the first on a full tie); null when empty.</summary>
    public static MappingCost? Best(IReadOnlyList<MappingCost> legal, MappingObjective objective)
    {
        MappingCost? best = null;
        foreach (var cost in legal)
            if (best is null || Compare(cost, best, objective) < 0)
                best = cost;
        return best;
    }

    /// <summary>Orders two mappings by <paramref name="objective"/>, its ties broken as <see cref="MappingObjective"/> says.</summary>
    public static int Compare(MappingCost a, MappingCost b, MappingObjective objective) => Rank(a, objective).CompareTo(Rank(b, objective));

    // Lexicographic keys; cycles are exact as doubles (below 2^53).
    private static (double, double, double, double) Rank(MappingCost c, MappingObjective objective)
    {
        double cycles = c.Cycles, energy = c.Energy.Total, dram = c.Dram.Read + c.Dram.Write;
        return objective switch
        {
            MappingObjective.CyclesThenEnergy => (cycles, energy, dram, 0),
            MappingObjective.EnergyThenCycles => (energy, cycles, dram, 0),
            MappingObjective.Edp => (cycles * energy, cycles, energy, dram),
            _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
        };
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
