using StampSim.Reports.Writers;

namespace StampSim.Tests.Writers;

public class DisplayTests
{
    [Fact]
    public void Fixed_separates_thousands_and_names_non_finite_values()
    {
        Assert.Equal("12,345.68", Display.Fixed(12345.678, 2));
        Assert.Equal("inf", Display.Fixed(double.PositiveInfinity, 2));
        Assert.Equal("-inf", Display.Fixed(double.NegativeInfinity, 1));
        Assert.Equal("n/a", Display.Fixed(double.NaN, 3));
        Assert.Equal("61.2%", Display.Percent(0.6123));
    }

    [Theory]
    [InlineData(812L, "812 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(3L << 30, "3.0 GiB")]
    public void Bytes_take_a_binary_unit(long bytes, string expected) => Assert.Equal(expected, Display.Bytes(bytes));

    [Fact]
    public void Durations_and_general_figures()
    {
        Assert.Equal("1m02s", Display.Duration(TimeSpan.FromSeconds(62.4)));
        Assert.Equal("2h05m", Display.Duration(TimeSpan.FromMinutes(125)));
        Assert.Equal("1.235E+05", Display.General(123456));
    }
}
