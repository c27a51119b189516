using StampSim.Tensors;

namespace StampSim.Tests.Tensors;

public class LargeArraysTests
{
    // Below, at and above the size that gets huge-page advice, with lengths that leave ragged ends:
    // the array has its length and holds what is written to it.
    [Theory]
    [InlineData(1)]
    [InlineData(1 << 20)]
    [InlineData((4 << 20) / sizeof(float) + 3)]
    [InlineData((9 << 20) / sizeof(float) - 7)]
    public void Arrays_have_their_length_and_keep_what_is_written(int length)
    {
        var a = LargeArrays.Uninitialized<float>(length);
        Assert.Equal(length, a.Length);
        for (int i = 0; i < a.Length; i++) a[i] = i;
        for (int i = 0; i < a.Length; i += 4099) Assert.Equal((float)i, a[i]);
        Assert.Equal(length - 1, a[^1]);
    }
}
