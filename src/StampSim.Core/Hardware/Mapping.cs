using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>Which operand the DRAM-level loop nest keeps on chip across the other's tiles.</summary>
public enum LoopOrder
{
    /// <summary>
    /// Token tiles outermost: each tile of X is read once, transformed and quantized into the
    /// activation buffer, and multiplied by all weights (re-read per token tile unless they fit whole).
    /// </summary>
    ActivationsOuter,
    /// <summary>
    /// Output-channel tiles outermost: weights are read once; the quantized activations are written to
    /// DRAM once and re-read for every channel tile.
    /// </summary>
    WeightsOuter,
    /// <summary>
    /// Weight tiles (output channels x reduction) outermost: every weight is read once; the quantized
    /// activations are written to DRAM once and re-read for every channel tile, and the partial sums of all
    /// tokens stay in the output buffer between reduction tiles or are spilled to DRAM and read back.
    /// </summary>
    WeightTilesOuter,
}

/// <summary>
/// A tiling of the layer: token tile, output-channel tile, reduction tile and the loop order. In the first
/// two orders the reduction is innermost (partial sums stay in the output buffer); quantized activations
/// stay on chip only as whole token panels (all features) and are otherwise spilled to DRAM once and read back.
/// </summary>
/// <param name="Order">Loop order at the DRAM level.</param>
/// <param name="TileTokens">Tm: tokens per tile (a multiple of the transform block).</param>
/// <param name="TileOutputs">Tn: output channels per tile.</param>
/// <param name="TileFeatures">Tk: reduction elements per on-chip tile of the streamed operand.</param>
/// <param name="DwtFeatureTile">Features per pass through the DWT unit's local buffer.</param>
public sealed record Mapping(LoopOrder Order, int TileTokens, int TileOutputs, int TileFeatures, int DwtFeatureTile)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{ConfigNames.Of(Order)}: Tm={TileTokens} Tn={TileOutputs} Tk={TileFeatures}, DWT feature tile {DwtFeatureTile}";
}
