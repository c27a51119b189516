using StampSim.Hardware;
using StampSim.ModelCost;

namespace StampSim.Sweeps;

/// <summary>The whole-model cost of one point: STaMP, A4 and A8 on the point's hardware, and STaMP's SQNR on the sweep's trace.</summary>
/// <param name="Index">The point's index.</param>
/// <param name="Variants">STaMP, A4 and A8 (<see cref="ModelCostModel.Evaluate"/>), or empty when <paramref name="Error"/> says why the model could not be costed.</param>
/// <param name="Error">Why the point could not be costed at all (its config does not suit the model cost), or null.</param>
/// <param name="SqnrDb">Output SQNR of the trace's golden replay under the point's numerics; NaN without a trace.</param>
public sealed record ModelPointResult(long Index, IReadOnlyList<VariantCost> Variants, string? Error, double SqnrDb)
{
    /// <summary>The cost of one variant.</summary>
    public VariantCost Of(Variant v) => Variants.Single(c => c.Variant == v);

    /// <summary>Why STaMP cannot run the model on the point, or null when it can.</summary>
    public string? Reason => Error ?? Of(Variant.Stamp).Infeasible;

    /// <summary>True when STaMP runs the model on the point.</summary>
    public bool Feasible => Reason is null;
}
