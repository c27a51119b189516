namespace StampSim.Hardware;

/// <summary>GEMM cycles of a layer: streaming of the high- and low-precision tokens, and array fill/drain.</summary>
internal readonly record struct GemmTime(long Hi, long Lo, long Skew)
{
    public long Total => Hi + Lo + Skew;

    public static GemmTime operator +(GemmTime a, GemmTime b) => new(a.Hi + b.Hi, a.Lo + b.Lo, a.Skew + b.Skew);
}
