using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>One layer's cost under the configured STaMP numerics and the uniform A8 and A4 baselines.</summary>
/// <param name="Stamp">The configured numerics.</param>
/// <param name="A8">All tokens 8-bit, no sequence transform.</param>
/// <param name="A4">All tokens 4-bit, no sequence transform.</param>
public sealed record CostComparison(CostResult Stamp, CostResult A8, CostResult A4)
{
    /// <summary>Evaluates all three.</summary>
    public static CostComparison Evaluate(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw) =>
        new(CostModel.Evaluate(shape, numerics, mac, hw),
            CostModel.Evaluate(shape, numerics.UniformBaseline(8), mac, hw),
            CostModel.Evaluate(shape, numerics.UniformBaseline(4), mac, hw));

    /// <summary>The three results by label (<c>stamp</c>, <c>a8</c>, <c>a4</c>).</summary>
    public IEnumerable<(string Label, CostResult Result)> All => [("stamp", Stamp), ("a8", A8), ("a4", A4)];
}
