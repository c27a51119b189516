using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>
/// The analytical cost model: cycles per stage, DRAM and SRAM traffic and energy of one linear
/// layer under given numerics on an accelerator. The mapping is the config's <c>mapping:</c> when it
/// gives one, else the <see cref="Mapper"/>'s search, ranked by <c>mapping.objective</c>; each mapping
/// is evaluated by the <see cref="MappingEvaluator"/> under the config's cycle model. Depends only on
/// shapes, bit-widths and hardware. The equations are documented in <c>docs/cost-model.md</c>.
/// </summary>
public static class CostModel
{
    /// <summary>Evaluates the layer; an infeasible design gives a result with <see cref="CostResult.Feasible"/> false.</summary>
    /// <exception cref="InputException">The numerics do not suit the layer shape (e.g. WHT on a non-power-of-two sequence), or a given mapping does not suit it.</exception>
    /// <param name="shape">The layer.</param>
    /// <param name="numerics">Numerics (bit-widths, transform).</param>
    /// <param name="mac">The MAC array.</param>
    /// <param name="hw">The accelerator.</param>
    /// <param name="mapping">A mapping to evaluate instead of the config's or the search's.</param>
    public static CostResult Evaluate(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw, GivenMapping? mapping = null)
    {
        var (evaluator, block, dwtFeatures) = Prepare(shape, numerics, mac, hw);
        if (dwtFeatures < 1) return DwtInfeasible(hw, block);

        if ((mapping ?? hw.Mapping.Given) is { } given)
        {
            var (tm, tn) = given.Tiles(shape, block);
            return evaluator.Evaluate(given.Order, tm, tn, dwtFeatures) is { } cost
                ? CostDescription.Of(cost, evaluator, hw, mac, searched: false)
                : Infeasible(hw, $"the given mapping ({ConfigNames.Of(given.Order)}, {tm} tokens x {tn} outputs) does not fit the buffers");
        }
        var (legal, smallest) = Mapper.Enumerate(evaluator, block, dwtFeatures);
        return Mapper.Best(legal, hw.Mapping.Objective) is { } best ? CostDescription.Of(best, evaluator, hw, mac, searched: true)
            : Infeasible(hw, $"no tiling fits the buffers (even the smallest tile, {smallest?.Tm} tokens x {smallest?.Tn} outputs, does not)");
    }

    /// <summary>Every mapping the search considers that fits the buffers, each costed as a result, in enumeration order (empty when none fits).</summary>
    internal static IReadOnlyList<CostResult> Candidates(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw)
    {
        var (evaluator, block, dwtFeatures) = Prepare(shape, numerics, mac, hw);
        if (dwtFeatures < 1) return [];
        return Mapper.Enumerate(evaluator, block, dwtFeatures).Legal.Select(c => CostDescription.Of(c, evaluator, hw, mac, searched: true)).ToList();
    }

    private static (MappingEvaluator Evaluator, int Block, int DwtFeatures) Prepare(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw)
    {
        var w = new Workload(shape, numerics, hw);
        var evaluator = new MappingEvaluator(w, mac, hw);
        int block = Math.Max(1, w.Plan.BlockTokens);
        return (evaluator, block, evaluator.DwtFeatureTile(block));
    }

    private static CostResult DwtInfeasible(AcceleratorConfig hw, int block) =>
        Infeasible(hw, $"dwt_unit.buffer ({ByteSize.Format(hw.DwtUnit.Buffer)}) cannot hold one block of {block} tokens of one feature in {ConfigNames.Of(hw.DwtUnit.Format)}");

    private static CostResult Infeasible(AcceleratorConfig hw, string reason) =>
        new() { Feasible = false, InfeasibleReason = reason, EnergyTableHash = hw.Energy.Hash };
}
