using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>
/// A mapping given by the config (<c>mapping:</c>) instead of searched: the loop order and the token
/// and output-channel tiles. Tiles larger than a layer's dimension take the whole dimension; the
/// reduction tile is still the largest that fits the buffers.
/// </summary>
/// <param name="Order">Loop order at the DRAM level.</param>
/// <param name="TileTokens">Tokens per tile; a multiple of the sequence transform's block.</param>
/// <param name="TileOutputs">Output channels per tile.</param>
public sealed record GivenMapping(LoopOrder Order, int TileTokens, int TileOutputs)
{
    /// <summary>The loop order and tiles of a mapping a result chose, to evaluate again under other numerics.</summary>
    public static GivenMapping From(Mapping mapping) => new(mapping.Order, mapping.TileTokens, mapping.TileOutputs);

    /// <summary>The tiles for a layer of <paramref name="shape"/> whose transform works on blocks of <paramref name="block"/> tokens.</summary>
    /// <exception cref="InputException">The token tile cuts a transform block.</exception>
    public (int Tm, int Tn) Tiles(LayerShape shape, int block)
    {
        int tm = Math.Min(TileTokens, shape.Tokens), tn = Math.Min(TileOutputs, shape.Outputs);
        if (tm < shape.Tokens && tm % block != 0)
            throw new InputException($"mapping.tile_tokens: {TileTokens} is not a multiple of the sequence transform's block of {block} tokens " +
                                     $"(layer {shape.Tokens}x{shape.Features}x{shape.Outputs}, {ConfigNames.Of(Order)})");
        return (tm, tn);
    }
}
