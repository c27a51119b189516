namespace StampSim.Hardware;

/// <summary>GEMM cycles of a layer: streaming of the high- and low-precision tokens, array fill/drain, and the weight loads streaming does not hide.</summary>
internal readonly record struct GemmTime(long Hi, long Lo, long Skew, long Load)
{
    public long Total => Hi + Lo + Skew + Load;

    public static GemmTime operator +(GemmTime a, GemmTime b) => new(a.Hi + b.Hi, a.Lo + b.Lo, a.Skew + b.Skew, a.Load + b.Load);
}
