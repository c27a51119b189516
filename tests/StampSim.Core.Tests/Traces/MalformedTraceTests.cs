using StampSim.Traces;

namespace StampSim.Tests.Traces;

/// <summary>Each malformed fixture has one defect; opening (or, for values, reading) it names that defect.</summary>
public class MalformedTraceTests
{
    public static TheoryData<string, string> Defects() => new()
    {
        { "bad_truncated_header.safetensors", "truncated safetensors file (5 bytes" },
        { "bad_header_beyond_file.safetensors", "header length 1048576 exceeds the file" },
        { "bad_overlap.safetensors", "tensors 'act.0' and 'q.weight' overlap" },
        { "bad_unknown_dtype.safetensors", "tensor 'act.0': unknown dtype 'F8_E4M3'" },
        { "bad_shape_bytes.safetensors", "tensor 'act.0': shape [6, 5] of F32 needs 120 bytes but data_offsets span 96" },
        { "bad_missing_key.safetensors", "layer 'blocks.0.mlp.down': bias key 'down.bias.missing' is not in the file" },
        { "bad_json.safetensors", "header is not valid JSON" },
        { "bad_no_manifest.safetensors", "no 'stampsim_trace' manifest in __metadata__" },
        { "bad_manifest_json.safetensors", "manifest is not valid JSON" },
        { "bad_f64.safetensors", "tensor 'act.0': dtype F64 is not a trace dtype (expected F32, F16 or BF16)" },
        { "bad_weight_shape.safetensors", "tensor 'down.weight': weight of layer 'blocks.0.attn.q' must be (n, 4)" },
        { "bad_manifest_key.safetensors", "manifest 'layers[0].activation': is required" },
        { "bad_version.safetensors", "version 2 is not supported" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Opening_names_the_defect(string file, string message)
    {
        var e = Assert.Throws<InputException>(() => TraceFile.Open(TraceFixtures.Path(file)));
        Assert.StartsWith(TraceFixtures.Path(file) + ": ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_NaN_activation_is_named_with_tensor_and_index_when_read()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("bad_nan.safetensors"));
        var e = Assert.Throws<InputException>(() => trace.Load(trace.Layer("blocks.0.attn.q")));
        Assert.Equal($"{TraceFixtures.Path("bad_nan.safetensors")}: tensor 'act.0': NaN at index [1, 2]", e.Message);
    }

    [Fact]
    public void The_manifest_key_error_suggests_the_right_spelling()
    {
        var e = Assert.Throws<InputException>(() => TraceManifestJson.Parse(
            """{"format_version":1,"model":"m","input":{"kind":"text"},"layers":[{"name":"a","kind":"k","activation":"x","weight":"w","grdi":"2x2"}]}""", "f"));
        Assert.Equal("f: manifest 'layers[0].grdi': unknown key (did you mean 'grid'?)", e.Message);
    }
}
