using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>One layer's cost under the configured STaMP numerics and the uniform A4 and A8 baselines.</summary>
/// <param name="Stamp">The configured numerics.</param>
/// <param name="A4">All tokens 4-bit, no sequence transform.</param>
/// <param name="A8">All tokens 8-bit, no sequence transform.</param>
public sealed record CostComparison(CostResult Stamp, CostResult A4, CostResult A8)
{
    /// <summary>Evaluates all three.</summary>
    public static CostComparison Evaluate(LayerShape shape, NumericsConfig numerics, MacArrayConfig mac, AcceleratorConfig hw) =>
        new(CostModel.Evaluate(shape, numerics, mac, hw),
            CostModel.Evaluate(shape, Variant.A4.Numerics(numerics), mac, hw),
            CostModel.Evaluate(shape, Variant.A8.Numerics(numerics), mac, hw));

    /// <summary>The result of <paramref name="v"/>.</summary>
    public CostResult Of(Variant v) => v switch
    {
        Variant.Stamp => Stamp,
        Variant.A4 => A4,
        _ => A8,
    };

    /// <summary>The three results in report order (<see cref="Variants.All"/>), by key (<c>stamp</c>, <c>a4</c>, <c>a8</c>).</summary>
    public IEnumerable<(string Label, CostResult Result)> All => Variants.All.Select(v => (v.Key(), Of(v)));
}
