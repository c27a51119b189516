namespace StampSim.Hardware;

/// <summary>The shape of one linear layer <c>Y (s, n) = X (s, d) W^T (d, n) + b</c>.</summary>
/// <param name="Tokens">s.</param>
/// <param name="Features">d (reduction).</param>
/// <param name="Outputs">n.</param>
/// <param name="HasBias">True when a bias is added.</param>
public sealed record LayerShape(int Tokens, int Features, int Outputs, bool HasBias = false)
{
    /// <summary>Multiply-accumulates of the layer.</summary>
    public long Macs => (long)Tokens * Features * Outputs;

    /// <summary>Parses <c>s,d,n</c>.</summary>
    public static LayerShape Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts.Any(p => !int.TryParse(p, out int v) || v <= 0))
            throw new FormatException($"expected three positive integers s,d,n (e.g. 2048,4096,4096), got '{text}'");
        return new LayerShape(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
    }

    /// <inheritdoc />
    public override string ToString() => $"s={Tokens} d={Features} n={Outputs}";
}
