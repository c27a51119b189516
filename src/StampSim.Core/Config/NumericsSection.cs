using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Config;

/// <summary>Reads the <c>numerics</c> section of a config into <see cref="NumericsConfig"/>; absent keys take the contract's defaults.</summary>
public static class NumericsSection
{
    /// <summary>Reads the <c>numerics</c> section.</summary>
    public static NumericsConfig Read(ConfigSection s)
    {
        var d = new NumericsConfig();
        var result = new NumericsConfig
        {
            Transform = new SequenceTransformKind(s.OneOf("transform", d.Transform.Name, SequenceTransformRegistry.BuiltIn.Names)),
            Levels = new(s.IntOrAuto("levels", d.Levels.Count, 0, 30)),
            Grid = ReadGrid(s),
            PrefixTokens = s.Int("prefix_tokens", d.PrefixTokens, 0, int.MaxValue),
            HiTokens = s.Int("hi_tokens", d.HiTokens, 0, int.MaxValue),
            HiBits = s.Int("hi_bits", d.HiBits, 2, 8),
            LoBits = s.Int("lo_bits", d.LoBits, 2, 8),
            ActQuant = s.Enum("act_quant", d.ActQuant),
            ActGroup = s.Int("act_group", d.ActGroup, 0, int.MaxValue),
            WeightBits = s.Int("weight_bits", d.WeightBits, 2, 8),
            FeatureTransform = s.Enum("feature_transform", d.FeatureTransform),
            Accumulator = ReadAccumulator(s.Section("accumulator")),
        };
        s.RejectUnknownKeys();
        return result;
    }

    /// <summary>Reads the <c>accumulator</c> section.</summary>
    private static AccumulatorConfig ReadAccumulator(ConfigSection s)
    {
        var d = new AccumulatorConfig();
        var result = new AccumulatorConfig
        {
            TreeBits = s.Int("tree_bits", d.TreeBits, 2, 63),
            AccBits = s.Int("acc_bits", d.AccBits, 2, 63),
            Overflow = s.Enum("overflow", d.Overflow),
        };
        s.RejectUnknownKeys();
        return result;
    }

    private static TokenGrid? ReadGrid(ConfigSection s)
    {
        var node = s.Raw("grid");
        try
        {
            return node switch
            {
                null => null,
                ConfigScalar sc => TokenGrid.Parse(sc.Text),
                ConfigList { Items.Count: 2 } l when l.Items.All(i => i is ConfigScalar) =>
                    TokenGrid.Parse($"{((ConfigScalar)l.Items[0]).Text}x{((ConfigScalar)l.Items[1]).Text}"),
                _ => throw new FormatException($"expected \"HxW\" or [H, W], found {node.KindName}"),
            };
        }
        catch (FormatException e)
        {
            throw s.Error("grid", e.Message);
        }
    }
}
