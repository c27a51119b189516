namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// How far elements are from the golden values, in units in the last place (for integer stages,
/// in integer units): buckets 0, 1, 2–3, 4–15, 16–255 and 256 or more (NaN counts as 256 or more).
/// </summary>
/// <param name="Counts">Elements per bucket, in <see cref="Labels"/> order.</param>
public sealed record UlpHistogram(IReadOnlyList<long> Counts)
{
    /// <summary>Bucket labels.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["0", "1", "2-3", "4-15", "16-255", ">=256"];

    /// <summary>The bucket of a distance.</summary>
    public static int Bucket(long ulp) => ulp switch
    {
        0 => 0,
        1 => 1,
        <= 3 => 2,
        <= 15 => 3,
        <= 255 => 4,
        _ => 5,
    };
}
