using StampSim.Numerics;
using StampSim.Traces;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Transforms;

namespace StampSim.Tests.Traces;

public class EnergyCompactionTests
{
    private static ISequenceTransform Haar(int s, int levels) =>
        SequenceTransforms.Create(new NumericsConfig { Levels = levels }, s, ExecutionOptions.Default);

    [Fact]
    public void A_constant_sequence_moves_all_energy_into_the_first_haar_coefficient()
    {
        var x = new Matrix<float>(8, 2);
        for (int i = 0; i < 8; i++) { x[i, 0] = 1; x[i, 1] = -2; }
        var c = EnergyCompaction.Compute(x, Haar(8, 3), hiTokens: 1);
        Assert.Equal([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0], c.Before.Select(v => Math.Round(v, 12)));
        Assert.Equal(1.0, c.After[0], 6);
        Assert.Equal(0.125, c.HiShareBefore, 12);
        Assert.Equal(1.0, c.HiShareAfter, 6);
        Assert.Equal("haar(levels=3)", c.Transform);
    }

    [Fact]
    public void Curves_are_cumulative_and_end_at_one()
    {
        var x = TestData.Activations(64, 16, seed: 3);
        var c = EnergyCompaction.Compute(x, Haar(64, 2), hiTokens: 16);
        foreach (var curve in new[] { c.Before, c.After })
        {
            Assert.Equal(64, curve.Count);
            Assert.Equal(1.0, curve[^1], 5);
            for (int i = 1; i < curve.Count; i++) Assert.True(curve[i] >= curve[i - 1]);
        }
        // Correlated tokens: the low-pass band holds more than its share.
        Assert.True(c.HiShareAfter > c.HiShareBefore + 0.3, $"{c.HiShareBefore} -> {c.HiShareAfter}");
    }

    [Fact]
    public void The_hi_token_count_must_be_the_effective_one()
    {
        var x = TestData.Activations(8, 2, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => { EnergyCompaction.Compute(x, Haar(8, 1), hiTokens: 9); });
        Assert.Equal(0, EnergyCompaction.Compute(x, Haar(8, 1), hiTokens: 0).HiShareAfter);
    }
}
