using StampSim.Numerics;

namespace StampSim.Config;

/// <summary>Reads the optional <c>model</c> section into <see cref="ModelPolicy"/>; absent keys take the W4A4KV4 defaults.</summary>
public static class ModelSection
{
    /// <summary>Reads the section.</summary>
    public static ModelPolicy Read(ConfigSection s)
    {
        var d = new ModelPolicy();
        var result = new ModelPolicy
        {
            DecodeActBits = s.Int("decode_act_bits", d.DecodeActBits, 4, 8),
            KvBits = s.Int("kv_bits", d.KvBits, 2, 8),
            AttentionActBits = s.Int("attention_act_bits", d.AttentionActBits, 2, 8),
            EdgeActBits = s.Int("edge_act_bits", d.EdgeActBits, 2, 8),
        };
        if (result.DecodeActBits is not (4 or 8))
            throw s.Error("decode_act_bits", $"must be 4 or 8 (the per-token fallback of STaMP in decode), got {result.DecodeActBits}");
        s.RejectUnknownKeys();
        return result;
    }
}
