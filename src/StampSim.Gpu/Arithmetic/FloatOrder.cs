using ILGPU;

namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// Minimum, maximum and magnitude as the golden engine's <c>TensorPrimitives</c> reductions define
/// them for finite values: <c>-0</c> orders below <c>+0</c>. Written as compares and selects so no
/// backend's own min/max convention for signed zeros can leak into a scale or offset.
/// </summary>
public static class FloatOrder
{
    /// <summary>The smaller of two finite values; <c>-0</c> when comparing <c>-0</c> with <c>+0</c>.</summary>
    public static float Min(float a, float b)
    {
        if (a < b) return a;
        if (b < a) return b;
        return IsNegative(a) ? a : b;
    }

    /// <summary>The larger of two finite values; <c>+0</c> when comparing <c>-0</c> with <c>+0</c>.</summary>
    public static float Max(float a, float b)
    {
        if (a > b) return a;
        if (b > a) return b;
        return IsNegative(a) ? b : a;
    }

    /// <summary>
    /// Clamps a rounded code to <c>[lo, hi]</c> with compares only: <c>Math.Clamp</c> contains a
    /// throw, which ILGPU cannot compile for CUDA.
    /// </summary>
    public static float Clamp(float q, int lo, int hi)
    {
        float flo = lo, fhi = hi;
        return q < flo ? flo : q > fhi ? fhi : q;
    }

    /// <summary>The magnitude with the sign bit cleared (so <c>|-0| = +0</c>).</summary>
    public static float Abs(float a) => Interop.IntAsFloat(Interop.FloatAsInt(a) & 0x7FFFFFFF);

    private static bool IsNegative(float a) => (Interop.FloatAsInt(a) & unchecked((int)0x80000000)) != 0;
}
