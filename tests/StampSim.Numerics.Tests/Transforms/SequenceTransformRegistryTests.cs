using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

public class SequenceTransformRegistryTests
{
    private static readonly SequenceTransformRegistry WithToy = SequenceTransformRegistry.BuiltIn.With(new SignFlipTransform());

    private static LayerInputs Inputs(int s, int d, int n) =>
        new(TestData.Activations(s, d, 3), TestData.Weights(n, d, 4), TestData.Vector(n, 5));

    [Fact]
    public void Built_in_registry_holds_the_contract_transforms_in_order()
    {
        Assert.Equal(["none", "haar", "haar2d", "dct", "wht"], SequenceTransformRegistry.BuiltIn.Names);
        Assert.All(SequenceTransformRegistry.BuiltIn.Descriptors, d => Assert.Same(d, SequenceTransformRegistry.BuiltIn.For(d.Kind)));
    }

    [Fact]
    public void An_unknown_transform_is_refused_with_the_known_names()
    {
        var numerics = new NumericsConfig { Transform = SignFlipTransform.Name };
        var e = Assert.Throws<InputException>(() => new StampLayer(new GoldenSettings(numerics, 16)).Run(Inputs(8, 16, 4)));
        Assert.Equal("numerics.transform: unknown sequence transform 'sign_flip' (expected one of: none, haar, haar2d, dct, wht)", e.Message);
    }

    [Fact]
    public void With_returns_a_new_registry_and_refuses_a_second_descriptor_of_a_name()
    {
        Assert.Equal(["none", "haar", "haar2d", "dct", "wht", "sign_flip"], WithToy.Names);
        Assert.False(SequenceTransformRegistry.BuiltIn.Contains(SignFlipTransform.Name));
        Assert.Throws<ArgumentException>(() => WithToy.With(new SignFlipTransform()));
        Assert.Throws<ArgumentException>(() => SequenceTransformRegistry.BuiltIn.With(new HaarDescriptor()));
    }

    [Fact]
    public void A_registered_toy_transform_runs_through_the_golden_pipeline()
    {
        // Symmetric quantization of a negated token is the negated codes, so the sign flip and its
        // inverse cancel exactly around the GEMM: the output is the untransformed layer's, bit for bit,
        // while the quantizer's input (the transformed activations) is not.
        var numerics = new NumericsConfig { Transform = SignFlipTransform.Name, HiTokens = 0, ActQuant = ActQuantKind.Symmetric };
        var inputs = Inputs(8, 32, 6);
        var toy = new StampLayer(new GoldenSettings(numerics, 16), transforms: WithToy).Run(inputs);
        var none = new StampLayer(new GoldenSettings(numerics with { Transform = SequenceTransformKind.None }, 16)).Run(inputs);
        Assert.Equal("sign_flip", toy.Transform.Description);
        Assert.Equal(none.Y.Data, toy.Y.Data);
        Assert.Equal(-inputs.X.Data[32], toy.TransformedX[32]);
        Assert.NotEqual(none.TransformedX, toy.TransformedX);
    }

    [Fact]
    public void A_registered_toy_transform_is_planned_and_costed_by_its_descriptor()
    {
        var numerics = new NumericsConfig { Transform = SignFlipTransform.Name, PrefixTokens = 1 };
        var plan = WithToy.Plan(numerics, 11);
        Assert.Equal((SignFlipTransform.Name, 1, 10, 1), (plan.Kind, plan.PrefixTokens, plan.TransformedTokens, plan.BlockTokens));
        Assert.Equal((0L, 5L), plan.OperationsPerColumn());
        Assert.IsType<PrefixedTransform>(WithToy.Create(numerics, 11, ExecutionOptions.Default));
    }

    [Theory]
    [InlineData("haar", 100, 3, 8, 174, 174)]   // bands of 100, 50, 25: 100 + 50 + 24 butterfly outputs
    [InlineData("wht", 64, 0, 64, 384, 64)]
    [InlineData("dct", 10, 0, 10, 100, 100)]
    [InlineData("none", 10, 0, 1, 0, 0)]
    public void Built_in_descriptors_keep_their_block_and_work_rules(string name, int s, int levels, int block, long adds, long muls)
    {
        var plan = SequenceTransformRegistry.BuiltIn.Plan(new NumericsConfig { Transform = new SequenceTransformKind(name), Levels = levels == 0 ? TransformLevels.Auto : levels }, s);
        Assert.Equal((block, adds, muls), (plan.BlockTokens, plan.OperationsPerColumn().Adds, plan.OperationsPerColumn().Muls));
    }

    [Fact]
    public void Haar2d_descriptor_keeps_its_stripe_and_work_rules()
    {
        var plan = SequenceTransformRegistry.BuiltIn.Plan(new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(8, 4), Levels = 2 }, 32);
        Assert.Equal((16, 2L * 32 + 2L * 8), (plan.BlockTokens, plan.OperationsPerColumn().Adds));
    }
}
