using StampSim.Numerics;
using StampSim.Tests.Support;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

public class Haar2dTransformTests
{
    private const float C = 0.70710677f;

    [Fact]
    public void One_level_on_a_2x2_grid_gives_LL_HL_LH_HH_with_width_first()
    {
        // grid [[a, b], [c, e]]: Lw = [(a+b)c, (c+e)c], Hw = [(a-b)c, (c-e)c]
        float a = 1f, b = 2f, c = 4f, e = 8f;
        float[] v = [a, b, c, e];
        new Haar2dTransform(new TokenGrid(2, 2), 1, ExecutionOptions.Default).Forward(v, 1);
        float lw0 = (a + b) * C, lw1 = (c + e) * C, hw0 = (a - b) * C, hw1 = (c - e) * C;
        Assert.Equal([(lw0 + lw1) * C, (hw0 + hw1) * C, (lw0 - lw1) * C, (hw0 - hw1) * C], v);
    }

    [Theory]
    [InlineData(64, 64, 64, 3)]
    [InlineData(14, 14, 64, 0)]
    [InlineData(14, 14, 8, 1)]
    [InlineData(16, 8, 0, 3)]
    public void Auto_levels(int h, int w, int hi, int expected) =>
        Assert.Equal(expected, Haar2dTransform.AutoLevels(new TokenGrid(h, w), hi));

    [Fact]
    public void Grid_not_divisible_by_two_to_the_levels_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => new Haar2dTransform(new TokenGrid(14, 14), 2, ExecutionOptions.Default));
        Assert.Contains("divisible by 4", e.Message);
    }

    [Fact]
    public void Round_trip_and_energy()
    {
        int h = 8, w = 12, d = 40;
        var x = TestData.Activations(h * w, d, seed: 5);
        var t = (float[])x.Data.Clone();
        var tr = new Haar2dTransform(new TokenGrid(h, w), 2, ExecutionOptions.Default);
        tr.Forward(t, d);
        double e0 = x.Data.Sum(v => (double)v * v), e1 = t.Sum(v => (double)v * v);
        Assert.InRange(e1 / e0, 1 - 1e-5, 1 + 1e-5);
        tr.Inverse(t, d);
        for (int i = 0; i < t.Length; i++)
            Assert.True(Math.Abs(t[i] - x.Data[i]) <= 1e-5 * (1 + Math.Abs(x.Data[i])), $"index {i}");
    }
}
