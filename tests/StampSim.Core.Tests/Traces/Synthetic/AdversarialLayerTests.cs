using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Traces.Synthetic;

namespace StampSim.Tests.Traces.Synthetic;

public class AdversarialLayerTests
{
    private static readonly NumericsConfig Defaults = new();

    [Fact]
    public void The_same_seed_gives_the_same_layer_and_another_seed_another()
    {
        var a = AdversarialLayer.Create(Defaults, 130, 40, 7, seed: 9);
        var b = AdversarialLayer.Create(Defaults, 130, 40, 7, seed: 9);
        var c = AdversarialLayer.Create(Defaults, 130, 40, 7, seed: 10);
        Assert.Equal(a.X.Data, b.X.Data);
        Assert.Equal(a.W.Data, b.W.Data);
        Assert.Equal(a.Bias, b.Bias);
        Assert.NotEqual(a.X.Data, c.X.Data);
    }

    [Theory]
    [InlineData("haar", 0)]
    [InlineData("none", 0)]
    [InlineData("haar", 8)]
    public void Its_activations_land_on_exact_ties_of_the_golden_quantizer(string transform, int group)
    {
        var numerics = Defaults with { Transform = new SequenceTransformKind(transform), ActGroup = group, HiTokens = 16 };
        var inputs = AdversarialLayer.Create(numerics, 96, 32, 5, seed: 1);
        var golden = new StampLayer(new GoldenSettings(numerics, 16)).Run(inputs);
        var a = golden.Activations;
        int ties = 0;
        for (int i = 0; i < a.Tokens; i++)
            for (int j = 0; j < a.Features; j++)
            {
                int k = i * a.Groups + j / a.GroupSize;
                if (a.Scale[k] == 0f) continue;
                float before = (golden.TransformedX[i * a.Features + j] - a.Offset[k]) / a.Scale[k];
                if (before - MathF.Floor(before) == 0.5f) ties++;
            }
        Assert.True(ties > 100, $"{ties} ties");
        Assert.Contains(a.Scale, v => v == 0f);   // a min = max token
    }

    [Fact]
    public void Shapes_the_numerics_refuse_are_bad_input()
    {
        Assert.Throws<InputException>(() => AdversarialLayer.Create(Defaults, 1, 40, 7, seed: 1));
        var e = Assert.Throws<InputException>(() => AdversarialLayer.Create(Defaults with { ActGroup = 7 }, 64, 40, 7, seed: 1));
        Assert.Contains("act_group", e.Message);
    }
}
