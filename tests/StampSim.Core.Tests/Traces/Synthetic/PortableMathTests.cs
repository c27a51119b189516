using StampSim.Traces.Synthetic;

namespace StampSim.Tests.Traces.Synthetic;

public class PortableMathTests
{
    public static TheoryData<double> LogArguments() => new(1e-300, 2.2250738585072014e-308, 1e-16, 0.001, 0.3, 0.7071, 0.70710678118654757, 1, 1.0000001, 1.4142, 1.5, 2, 3, 10, 12345.678, 1e100, double.MaxValue);

    [Theory]
    [MemberData(nameof(LogArguments))]
    public void Log_agrees_with_the_platform_to_a_few_ulp(double x) =>
        Assert.True(Ulps(PortableMath.Log(x), Math.Log(x)) <= 2, $"Log({x:R}) = {PortableMath.Log(x):R}, Math.Log = {Math.Log(x):R}");

    [Fact]
    public void Log_agrees_on_many_random_arguments()
    {
        var r = new Xoshiro256(1);
        for (int i = 0; i < 100_000; i++)
        {
            double x = r.NextDouble() + 1e-12;
            Assert.True(Ulps(PortableMath.Log(x), Math.Log(x)) <= 2, $"Log({x:R})");
        }
        Assert.Equal(0.0, PortableMath.Log(1));
    }

    [Fact]
    public void Exp_agrees_on_many_random_arguments()
    {
        var r = new Xoshiro256(2);
        for (int i = 0; i < 100_000; i++)
        {
            double x = (r.NextDouble() - 0.5) * 80;
            Assert.True(Ulps(PortableMath.Exp(x), Math.Exp(x)) <= 2, $"Exp({x:R}) = {PortableMath.Exp(x):R}, Math.Exp = {Math.Exp(x):R}");
        }
        Assert.Equal(1.0, PortableMath.Exp(0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(4.9e-324)]
    public void Log_rejects_arguments_outside_its_domain(double x) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(x));

    private static long Ulps(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
}
