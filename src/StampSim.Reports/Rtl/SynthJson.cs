using System.Text.Json.Nodes;
using StampSim.Reports.Schemas;
using StampSim.Rtl.Synthesis;

namespace StampSim.Reports.Rtl;

/// <summary>The document of <c>stampsim rtl synth --json</c>: per multiplier variant, Yosys's cells, transistors, flip-flops and passes per 8-bit token.</summary>
public static class SynthJson
{
    /// <summary>The document's JSON text.</summary>
    public static string Text(IReadOnlyList<SynthVariant> variants)
    {
        var o = new JsonObject();
        foreach (var v in variants)
            o[v.Key] = new JsonObject
            {
                ["cells"] = v.Cells, ["transistors"] = v.Transistors, ["flip_flops"] = v.FlipFlops, ["passes_per_8bit_token"] = v.PassesPerWideToken,
            };
        return JsonText.Of(o);
    }
}
