using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>Optional transform along the feature axis (stage 0).</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<FeatureTransformKind>))]
public enum FeatureTransformKind
{
    /// <summary>No feature transform.</summary>
    None,
    /// <summary>QuaRot-style online Walsh–Hadamard transform of activations, offline of weights.</summary>
    Hadamard,
}

/// <summary>Activation quantizer (stage 2).</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<ActQuantKind>))]
public enum ActQuantKind
{
    /// <summary>Asymmetric min-max, per token or group (the default).</summary>
    Minmax,
    /// <summary>Symmetric max-abs.</summary>
    Symmetric,
}

/// <summary>What happens when a value leaves the adder-tree or accumulator range.</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<OverflowMode>))]
public enum OverflowMode
{
    /// <summary>Clamp to the signed range.</summary>
    Saturate,
    /// <summary>Two's-complement wrap-around.</summary>
    Wrap,
}

/// <summary>A token grid <c>H x W</c> (row-major tokens) for <c>haar2d</c>.</summary>
/// <param name="Height">Rows of the grid.</param>
/// <param name="Width">Columns of the grid.</param>
[JsonConverter(typeof(TokenGridJsonConverter))]
public sealed record TokenGrid(int Height, int Width)
{
    /// <summary>Number of grid tokens.</summary>
    public int Count => Height * Width;

    /// <summary>Parses <c>HxW</c> (e.g. <c>14x14</c>).</summary>
    public static TokenGrid Parse(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0].Trim(), out int h) || !int.TryParse(parts[1].Trim(), out int w) || h <= 0 || w <= 0)
            throw new FormatException($"expected a grid like \"14x14\" (positive HxW), got '{text}'");
        return new TokenGrid(h, w);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Height}x{Width}";
}

/// <summary>Serialises a <see cref="TokenGrid"/> as <c>"HxW"</c>.</summary>
public sealed class TokenGridJsonConverter : JsonConverter<TokenGrid>
{
    /// <inheritdoc />
    public override TokenGrid Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        TokenGrid.Parse(reader.GetString() ?? "");

    /// <inheritdoc />
    public override void Write(System.Text.Json.Utf8JsonWriter writer, TokenGrid value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Adder-tree and accumulator widths of the MAC array (stage 3).</summary>
public sealed record AccumulatorConfig
{
    /// <summary>Signed width each chunk's adder-tree result is brought into.</summary>
    public int TreeBits { get; init; } = 32;

    /// <summary>Signed width of the accumulator.</summary>
    public int AccBits { get; init; } = 32;

    /// <summary>Saturate (clamp) or wrap (two's complement).</summary>
    public OverflowMode Overflow { get; init; } = OverflowMode.Saturate;
}

/// <summary>
/// The numerics of one STaMP layer, exactly the keys of the numerics contract
/// (<c>shared/spec/numerics.md</c>); every default is the contract's.
/// </summary>
public sealed record NumericsConfig
{
    /// <summary>Sequence transform (default <c>haar</c>).</summary>
    public SequenceTransformKind Transform { get; init; } = SequenceTransformKind.Haar;

    /// <summary>Transform levels (default <c>auto</c>).</summary>
    public TransformLevels Levels { get; init; }

    /// <summary>
    /// Token grid for <c>haar2d</c>. May be absent from a config: a trace layer with a grid supplies
    /// its own, and a layer with neither is rejected when it runs.
    /// </summary>
    public TokenGrid? Grid { get; init; }

    /// <summary>
    /// Leading tokens kept aside from the sequence transform (e.g. a ViT CLS token): they stay in
    /// place, untransformed, ahead of the transformed tokens. An extension of the contract; 0 by default.
    /// </summary>
    public int PrefixTokens { get; init; }

    /// <summary>How many leading transformed tokens get <see cref="HiBits"/>.</summary>
    public int HiTokens { get; init; } = 64;

    /// <summary>
    /// The effective high-precision token count of a layer of <paramref name="tokens"/> tokens:
    /// <see cref="HiTokens"/> capped at the tokens there are. Every count of <c>hi_bits</c> tokens reads this.
    /// </summary>
    public int HiTokensOf(int tokens) => Math.Min(HiTokens, tokens);

    /// <summary>Bits of the high-precision tokens.</summary>
    public int HiBits { get; init; } = 8;

    /// <summary>Bits of the other tokens.</summary>
    public int LoBits { get; init; } = 4;

    /// <summary>Activation quantizer.</summary>
    public ActQuantKind ActQuant { get; init; } = ActQuantKind.Minmax;

    /// <summary>Features per activation quantization group; 0 means per whole token.</summary>
    public int ActGroup { get; init; }

    /// <summary>Bits of the per-output-channel symmetric weight quantizer.</summary>
    public int WeightBits { get; init; } = 4;

    /// <summary>Optional feature-axis transform.</summary>
    public FeatureTransformKind FeatureTransform { get; init; } = FeatureTransformKind.None;

    /// <summary>Adder-tree and accumulator widths.</summary>
    public AccumulatorConfig Accumulator { get; init; } = new();

    /// <summary>
    /// These numerics on a layer with its own token layout: under <c>haar2d</c> a layer with a
    /// <paramref name="grid"/> runs on that grid with its <paramref name="prefixTokens"/> (e.g. a ViT's
    /// CLS token) kept aside; every other setting, and a layer without a grid, is left as configured.
    /// </summary>
    public NumericsConfig OnLayerGrid(TokenGrid? grid, int prefixTokens) =>
        Transform == SequenceTransformKind.Haar2d && grid is not null ? this with { Grid = grid, PrefixTokens = prefixTokens } : this;

    /// <summary>
    /// The activation precisions in words, the one form every report, plot and console line uses:
    /// <c>STaMP haar: 64 tokens A8, rest A4</c>, or <c>A8 per token</c> when every token gets the same bits
    /// (the sequence transform named first whenever one runs).
    /// </summary>
    public string DescribeActivations()
    {
        string bits = HiTokens == 0 || HiBits == LoBits ? $"A{LoBits} per token" : $"{HiTokens} tokens A{HiBits}, rest A{LoBits}";
        return Transform == SequenceTransformKind.None ? bits : $"STaMP {Transform.Name}: {bits}";
    }

    /// <summary>
    /// The uniform baseline the cost model and reports compare against: every token at
    /// <paramref name="bits"/>, no sequence transform; the other keys as configured.
    /// </summary>
    public NumericsConfig UniformBaseline(int bits) =>
        this with { Transform = SequenceTransformKind.None, Levels = TransformLevels.Auto, HiTokens = 0, HiBits = bits, LoBits = bits };
}
