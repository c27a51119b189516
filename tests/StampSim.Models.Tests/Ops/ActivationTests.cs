using StampSim.Models.Ops;
using StampSim.Tensors;

namespace StampSim.Tests.Ops;

public sealed class ActivationTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-3.0, -0.9999779095030014)]
    [InlineData(4.5, 0.9999999998033839)]
    [InlineData(7.0, 1.0)]
    public void Erf_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, Erf.Of(x), 1e-15);

    [Fact]
    public void Gelu_is_exact_erf_gelu()
    {
        var x = new Matrix<float>(1, 4, [-3f, -0.5f, 1f, 10f]);
        Activations.Gelu(x);
        Assert.Equal([-0.004049694165587425f, -0.1542687714099884f, 0.8413447737693787f, 10f], x.Data);
    }

    [Fact]
    public void Silu_gate_multiplies_silu_of_gate_by_up()
    {
        var gate = new Matrix<float>(1, 3, [0f, 1f, -2f]);
        Activations.SiluGate(gate, new Matrix<float>(1, 3, [5f, 2f, 3f]));
        Assert.Equal([0f, (float)(2 / (1 + Math.Exp(-1))), (float)(-2 / (1 + Math.Exp(2)) * 3)], gate.Data);
    }
}
