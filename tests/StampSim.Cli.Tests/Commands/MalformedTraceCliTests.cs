using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

/// <summary>Every malformed-file class exits with code 2 and one line naming the problem, and leaves no output.</summary>
public class MalformedTraceCliTests
{
    public static TheoryData<string, string> Defects() => new()
    {
        { "bad_truncated_header.safetensors", "truncated safetensors file" },
        { "bad_header_beyond_file.safetensors", "header length 1048576 exceeds the file" },
        { "bad_overlap.safetensors", "tensors 'act.0' and 'q.weight' overlap" },
        { "bad_unknown_dtype.safetensors", "unknown dtype 'F8_E4M3'" },
        { "bad_shape_bytes.safetensors", "shape [6, 5] of F32 needs 120 bytes but data_offsets span 96" },
        { "bad_missing_key.safetensors", "bias key 'down.bias.missing' is not in the file" },
        { "bad_nan.safetensors", "tensor 'act.0': NaN at index [1, 2]" },
        { "bad_json.safetensors", "header is not valid JSON" },
        { "bad_no_manifest.safetensors", "no 'stampsim_trace' manifest" },
        { "bad_manifest_json.safetensors", "manifest is not valid JSON" },
        { "bad_f64.safetensors", "dtype F64 is not a trace dtype" },
        { "bad_weight_shape.safetensors", "must be (n, 4) to match activations [6, 4]" },
        { "bad_version.safetensors", "version 2 is not supported" },
        { "x_nan.npy", "x_nan.npy: NaN at index [2, 1]" },
        { "x_i4.npy", "dtype <i4 is not a trace dtype" },
        { "missing.safetensors", "file not found" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Trace_info_exits_2_naming_the_problem(string file, string message)
    {
        var r = Harness.Run("trace", "info", Harness.Fixture(file));
        Harness.AssertBadInput(r, message);
        Assert.StartsWith($"stampsim: error: {Harness.Fixture(file)}", r.Err);
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Replay_exits_2_and_writes_nothing(string file, string message)
    {
        using var dir = new TempDir();
        var r = Harness.Run("replay", "--trace", Harness.Fixture(file), "--json", dir.File("m.json"), "--csv", dir.File("m.csv"));
        Harness.AssertBadInput(r, message);
        Assert.Empty(dir.Files);
    }
}
