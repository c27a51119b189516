using System.Text.Json.Nodes;
using StampSim.Numerics;
using StampSim.Reports.Rtl;
using StampSim.Rtl;
using StampSim.Rtl.Synthesis;
using StampSim.Rtl.Systolic;

namespace StampSim.Tests.Rtl;

/// <summary>The <c>rtl synth --json</c> document: the column's variants as before, the whole array under <c>array</c>.</summary>
public class SynthJsonTests
{
    private static readonly RtlDesign Column = new(8, 8, RtlMultiplier.Int4TwoPass, 9, 4, 32, 32, OverflowMode.Saturate);

    private static readonly IReadOnlyList<SynthVariant> Variants =
        [new("int4", Column, 10, 70, 3, null), new("int8_two_pass", Column, 12, 80, 4, 2)];

    [Fact]
    public void The_array_sits_beside_the_variants_with_its_PE_and_whether_it_was_synthesised()
    {
        var area = new ArrayArea(new ArrayDesign(Column, true, 64, 128, 4), new GateCount(362, 2260, 56), new GateCount(21306, 132394, 2694), Synthesised: true);
        var doc = JsonNode.Parse(SynthJson.Text(Variants, area))!;
        Assert.Equal(["int4", "int8_two_pass", "array"], doc.AsObject().Select(p => p.Key));
        Assert.Equal((10L, 70L, 3L, 2), ((long)doc["int4"]!["cells"]!, (long)doc["int4"]!["transistors"]!, (long)doc["int4"]!["flip_flops"]!,
            (int)doc["int8_two_pass"]!["passes_per_8bit_token"]!));
        var a = doc["array"]!;
        Assert.Equal((8, 8, true, 17, "synthesis"), ((int)a["rows"]!, (int)a["cols"]!, (bool)a["double_buffered_weights"]!, (int)a["sum_bits"]!, (string)a["array_from"]!));
        Assert.Equal((362L, 2260L, 56L), ((long)a["pe"]!["cells"]!, (long)a["pe"]!["transistors"]!, (long)a["pe"]!["flip_flops"]!));
        Assert.Equal((21306L, 132394L, 2694L), ((long)a["array"]!["cells"]!, (long)a["array"]!["transistors"]!, (long)a["array"]!["flip_flops"]!));
    }

    [Fact]
    public void A_config_without_the_array_RTL_writes_array_null() =>
        Assert.Null(JsonNode.Parse(SynthJson.Text(Variants, null))!["array"]);
}
