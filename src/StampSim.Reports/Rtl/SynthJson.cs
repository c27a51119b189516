using System.Text.Json.Nodes;
using StampSim.Reports.Schemas;
using StampSim.Rtl.Synthesis;

namespace StampSim.Reports.Rtl;

/// <summary>
/// The document of <c>stampsim rtl synth --json</c>: per multiplier variant of the column, Yosys's cells,
/// transistors, flip-flops and passes per 8-bit token; under <c>array</c>, the whole array's PE and array.
/// </summary>
public static class SynthJson
{
    /// <summary>The document's JSON text; <paramref name="array"/> null writes <c>"array": null</c> (the config has no array RTL).</summary>
    public static string Text(IReadOnlyList<SynthVariant> variants, ArrayArea? array)
    {
        var o = new JsonObject();
        foreach (var v in variants)
            o[v.Key] = new JsonObject
            {
                ["cells"] = v.Cells, ["transistors"] = v.Transistors, ["flip_flops"] = v.FlipFlops, ["passes_per_8bit_token"] = v.PassesPerWideToken,
            };
        o["array"] = array is null ? null : new JsonObject
        {
            ["rows"] = array.Design.Column.Rows,
            ["cols"] = array.Design.Column.Cols,
            ["double_buffered_weights"] = array.Design.DoubleBuffered,
            ["sum_bits"] = array.Design.SumWidth,
            ["pe"] = Counts(array.Pe),
            ["array"] = Counts(array.Array),
            ["array_from"] = array.Synthesised ? "synthesis" : "estimate",
        };
        return JsonText.Of(o);
    }

    private static JsonObject Counts(GateCount c) => new() { ["cells"] = c.Cells, ["transistors"] = c.Transistors, ["flip_flops"] = c.FlipFlops };
}
