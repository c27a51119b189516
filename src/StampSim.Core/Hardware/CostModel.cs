using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>
/// The analytical cost model: cycles per stage, DRAM and SRAM traffic and energy of one linear
/// layer under given numerics on an accelerator, with the tiling found by searching the legal
/// tilings (fewest cycles, then least energy). Depends only on shapes, bit-widths and hardware.
/// The equations are documented in <c>docs/cost-model.md</c>.
/// </summary>
public static class CostModel
{
    /// <summary>Evaluates the layer; an infeasible design gives a result with <see cref="CostResult.Feasible"/> false.</summary>
    /// <exception cref="InputException">The numerics do not suit the layer shape (e.g. WHT on a non-power-of-two sequence).</exception>
    /// <param name="shape">The layer.</param>
    /// <param name="numerics">Numerics (bit-widths, transform).</param>
    /// <param name="mac">The MAC array.</param>
    /// <param name="hw">The accelerator.</param>
    /// <param name="fixedMapping">When given, only this loop order and token/output tiles are evaluated (no search).</param>
    public static CostResult Evaluate(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw, Mapping? fixedMapping = null)
    {
        var w = new Workload(shape, numerics, hw);
        var ctx = new CostContext(w, mac, hw);
        int block = Math.Max(1, w.Plan.BlockTokens);
        int dwtFeatures = ctx.DwtFeatureTile(block);
        if (dwtFeatures < 1)
            return Infeasible(hw, $"dwt_unit.buffer ({ByteSize.Format(hw.DwtUnit.Buffer)}) cannot hold one block of {block} tokens of one feature in {ConfigNames.Of(hw.DwtUnit.Format)}");

        CostEstimate? best = null;
        (int Tm, int Tn)? smallest = null;
        LoopOrder[] orders = fixedMapping is null ? [LoopOrder.ActivationsOuter, LoopOrder.WeightsOuter] : [fixedMapping.Order];
        foreach (var order in orders)
        {
            foreach (int tm in fixedMapping is null ? Candidates(block, shape.Tokens, block) : [fixedMapping.TileTokens])
            {
                foreach (int tn in fixedMapping is null ? Candidates(mac.Cols, shape.Outputs, 1) : [fixedMapping.TileOutputs])
                {
                    var estimate = ctx.Estimate(order, tm, tn, dwtFeatures);
                    if (estimate is null)
                    {
                        // Larger output tiles need more of every buffer: none of them fits either.
                        smallest ??= (tm, tn);
                        break;
                    }
                    if (best is null || estimate.Value.Cycles < best.Value.Cycles ||
                        (estimate.Value.Cycles == best.Value.Cycles && estimate.Value.EnergyPj < best.Value.EnergyPj))
                        best = estimate;
                }
            }
        }
        return best is { } b ? ctx.Describe(b)
            : Infeasible(hw, $"no tiling fits the buffers (even the smallest tile, {smallest?.Tm} tokens x {smallest?.Tn} outputs, does not)");
    }

    /// <summary>Tile sizes: multiples of <paramref name="unit"/> doubling up to <paramref name="total"/>, and the whole dimension.</summary>
    internal static IEnumerable<int> Candidates(int unit, int total, int align)
    {
        int first = Math.Max(align, unit / align * align);
        for (long t = first; t < total; t *= 2)
            yield return (int)t;
        yield return total;
    }

    private static CostResult Infeasible(AcceleratorConfig hw, string reason) =>
        new() { Feasible = false, InfeasibleReason = reason, EnergyTableHash = hw.Energy.Hash };
}
