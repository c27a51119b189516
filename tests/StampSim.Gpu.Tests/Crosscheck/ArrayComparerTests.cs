using StampSim.Gpu.Crosscheck;

namespace StampSim.Tests.Crosscheck;

public class ArrayComparerTests
{
    [Theory]
    [InlineData(1f, 1f, 0L)]
    [InlineData(0f, -0f, 0L)]
    [InlineData(1f, 1.0000001f, 1L)]
    [InlineData(-1.4e-45f, 1.4e-45f, 2L)]
    [InlineData(1f, 2f, 1L << 23)]
    public void Ulp_distance_counts_representable_floats_between(float a, float b, long expected)
    {
        Assert.Equal(expected, ArrayComparer.UlpDistance(a, b));
        Assert.Equal(expected, ArrayComparer.UlpDistance(b, a));
    }

    [Fact]
    public void Nan_is_infinitely_far() => Assert.Equal(long.MaxValue, ArrayComparer.UlpDistance(float.NaN, 1f));

    [Fact]
    public void Float_comparison_reports_count_first_index_errors_and_histogram()
    {
        float[] expected = [1f, 2f, 3f, 0f, 5f, 6f];
        float[] actual = [1f, 2f, BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(3f) + 3), -0f, float.NaN, 6.5f];
        var c = ArrayComparer.Compare("y", [2, 3], expected, actual);
        Assert.Equal(4, c.Mismatches);
        Assert.Equal(2L, c.FirstMismatch);
        Assert.Equal("2 [0, 2]", c.FirstMismatchText);
        Assert.Equal("3", c.FirstExpected);
        Assert.Equal("nan", c.MaxUlpText);
        Assert.Equal("nan", c.MaxAbsErrorText);
        // -0 vs +0 differs in bits but is 0 ulp apart; 3 ulps; NaN; 6 -> 6.5 is 2^19 ulps.
        Assert.Equal(new long[] { 3, 0, 1, 0, 0, 2 }, c.Histogram.Counts);
        Assert.False(c.Matches);
    }

    [Fact]
    public void Sign_flips_are_counted_apart_from_the_largest_ulp_distance_and_beyond_any_tolerance()
    {
        float next = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) + 2);
        var c = ArrayComparer.Compare("yt", [3], [1f, 1f, 0.5f], [next, -1f, 0f], tolerance: 2);
        Assert.Equal(3, c.Mismatches);
        Assert.Equal(1, c.SignFlips);
        Assert.Equal(0x3F000000L, c.MaxUlp);   // 0.5 -> 0 (a zero has no sign to flip); 1 -> -1 is not counted
        Assert.Equal(2, c.BeyondTolerance);   // 2 ulps is within; the flip and 0.5 -> 0 are not
    }

    [Fact]
    public void Integer_comparison_uses_integer_units()
    {
        var c = ArrayComparer.Compare("acc", [4], [10, -5, long.MinValue, 7], [10, -3, long.MaxValue, 7]);
        Assert.Equal(2, c.Mismatches);
        Assert.Equal(1L, c.FirstMismatch);
        Assert.Equal(new long[] { 2, 0, 1, 0, 0, 1 }, c.Histogram.Counts);
        Assert.Equal(long.MaxValue - 1, c.MaxUlp);
    }

    [Fact]
    public void Identical_arrays_match()
    {
        var c = ArrayComparer.Compare("x", [3], [1f, -0f, 3f], [1f, -0f, 3f]);
        Assert.True(c.Matches);
        Assert.Equal("-", c.FirstMismatchText);
        Assert.Equal(3, c.Histogram.Counts[0]);
    }
}
