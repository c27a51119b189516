using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>The three numerics every report compares for each layer.</summary>
public enum Variant
{
    /// <summary>The configured STaMP numerics.</summary>
    Stamp,
    /// <summary>Uniform 4-bit activations, no sequence transform.</summary>
    A4,
    /// <summary>Uniform 8-bit activations, no sequence transform.</summary>
    A8,
}

/// <summary>Names and numerics of the <see cref="Variant"/>s.</summary>
public static class Variants
{
    /// <summary>Every variant, in report order.</summary>
    public static IReadOnlyList<Variant> All { get; } = [Variant.Stamp, Variant.A4, Variant.A8];

    /// <summary>The stable key used in CSV and JSON: <c>stamp</c>, <c>a4</c>, <c>a8</c>.</summary>
    public static string Key(this Variant v) => v switch
    {
        Variant.Stamp => "stamp",
        Variant.A4 => "a4",
        _ => "a8",
    };

    /// <summary>The name shown to people: <c>STaMP</c>, <c>A4</c>, <c>A8</c>.</summary>
    public static string Display(this Variant v) => v == Variant.Stamp ? "STaMP" : v.ToString();

    /// <summary>The numerics of <paramref name="v"/> given a layer's effective STaMP numerics.</summary>
    public static NumericsConfig Numerics(this Variant v, NumericsConfig stamp) => v switch
    {
        Variant.Stamp => stamp,
        Variant.A4 => stamp.UniformBaseline(4),
        _ => stamp.UniformBaseline(8),
    };
}
