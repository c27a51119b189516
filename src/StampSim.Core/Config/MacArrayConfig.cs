namespace StampSim.Config;

/// <summary>The MAC array as the numerics see it: the reduction length of one adder tree.</summary>
public sealed record MacArrayConfig
{
    /// <summary>Rows of the array = products summed by one adder tree (the reduction chunk length).</summary>
    public int Rows { get; init; } = 16;

    /// <summary>Reads the <c>mac_array</c> section.</summary>
    public static MacArrayConfig Read(ConfigSection s)
    {
        var d = new MacArrayConfig();
        var result = new MacArrayConfig { Rows = s.Int("rows", d.Rows, 1, 1 << 20) };
        s.RejectUnknownKeys();
        return result;
    }
}
