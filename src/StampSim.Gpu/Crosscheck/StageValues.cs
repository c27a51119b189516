namespace StampSim.Gpu.Crosscheck;

/// <summary>One stage's values (golden, or recomputed from a kernel's own previous stages), in C order.</summary>
/// <param name="Shape">The stage's shape.</param>
/// <param name="Floats">The values of a float32 stage, or null.</param>
/// <param name="Integers">The values of an integer stage, or null.</param>
/// <param name="Explain">What went into the element at a flat index (value before rounding, scale, ...), for mismatch listings; null when nothing more is known.</param>
public sealed record StageValues(long[] Shape, float[]? Floats, long[]? Integers, Func<long, string>? Explain = null)
{
    /// <summary>A float32 stage.</summary>
    public static StageValues Of(long[] shape, float[] values, Func<long, string>? explain = null) => new(shape, values, null, explain);

    /// <summary>An integer stage.</summary>
    public static StageValues Of(long[] shape, long[] values, Func<long, string>? explain = null) => new(shape, null, values, explain);

    /// <summary>The value at <paramref name="i"/> as text (<c>R</c> format for floats).</summary>
    public string Text(long i) => Floats is { } f
        ? f[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Integers![i].ToString(System.Globalization.CultureInfo.InvariantCulture);
}
