using System.Text;
using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability;

/// <summary>
/// The input boundary, one test per class of bad input: each is exit 2 with one line naming the place
/// (file:line:column, byte offset, tensor and index, key), never a crash, a hang or a silent wrong number.
/// </summary>
public class InputBoundaryTests
{
    private static Harness.Outcome Cost(string config) => Harness.Run("cost", "--config", config, "--gemm", "64x128x32");

    private static string Write(TempDir dir, string name, byte[] bytes)
    {
        File.WriteAllBytes(dir.File(name), bytes);
        return dir.File(name);
    }

    private static string Write(TempDir dir, string name, string text) => Write(dir, name, Encoding.UTF8.GetBytes(text));

    public static TheoryData<string> DeepDocuments()
    {
        const int depth = 5000;
        return new TheoryData<string>
        {
            "numerics: " + new string('[', depth) + new string(']', depth) + "\n",
            "numerics: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n",
            string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * depth) + "1\n",
            string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "-\n")) + new string(' ', 2 * depth) + "1\n",
        };
    }

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void Deep_nesting_in_a_config_or_sweep_spec_is_refused_at_its_position(string text)
    {
        using var dir = new TempDir();
        string path = Write(dir, "deep.yaml", text);
        Harness.AssertBadInput(Cost(path), $"{path}:");
        Harness.AssertBadInput(Cost(path), "nested more than 64 levels deep");
        Harness.AssertBadInput(Harness.Run("sweep", path, "--out", dir.File("o")), "nested more than 64 levels deep");
    }

    [Theory]
    [InlineData("numerics: [8\n")]
    [InlineData("a: b: c\n")]
    [InlineData("numerics:\n  - a\n  b: 1\n")]
    [InlineData("numerics:\n\t hi_bits: 8\n")]
    [InlineData("name: 'unterminated\n")]
    [InlineData("@x: 1\n")]
    [InlineData("a: &x 1\nb: *y\n")]
    [InlineData("? [a, b]\n: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("%YAML 9.9\n---\na: 1\n")]
    [InlineData("a: !!binary x\n")]
    [InlineData("- 1\n- 2\n")]
    public void Yaml_syntax_errors_are_refused_with_their_position(string text)
    {
        using var dir = new TempDir();
        string path = Write(dir, "bad.yaml", text);
        Harness.AssertBadInput(Cost(path), $"{path}:");
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData("# only a comment\n", "the document is empty")]
    [InlineData("\n\n   \n", "the document is empty")]
    [InlineData("numerics:\n  hi_tokens:\n", ":2:3: 'hi_tokens' has no value")]
    [InlineData("numerics:\n  hi_tokens: ~\n", ":2:3: 'hi_tokens' has no value")]
    [InlineData("numerics:\n  hi_tokens: null\n", ":2:14: numerics.hi_tokens: null is not a value here")]
    [InlineData("numerics:\n  accumulator:\n    overflow: null\n", ":3:15: numerics.accumulator.overflow: null is not a value here")]
    [InlineData("numerics: ~\n", ":1:1: 'numerics' has no value")]
    [InlineData("numerics:\n  grid: [8, ~]\n", ":2:13: list item 2 has no value")]
    public void Empty_documents_and_null_values_are_refused(string text, string message)
    {
        using var dir = new TempDir();
        string path = Write(dir, "c.yaml", text);
        Harness.AssertBadInput(Cost(path), message);
    }

    [Theory]
    [InlineData("numerics.hi_tokens=")]
    [InlineData("numerics.hi_tokens=~")]
    [InlineData("numerics.hi_tokens=null")]
    public void An_empty_set_value_is_refused(string assignment) =>
        Harness.AssertBadInput(Harness.Run("cost", "--gemm", "64x128x32", "--set", assignment), $"--set {assignment}: the value is empty or null");

    [Fact]
    public void Non_utf8_text_in_a_config_is_refused_with_its_byte_offset()
    {
        using var dir = new TempDir();
        string path = Write(dir, "c.yaml", [.. "numerics:\n  transform: ha"u8, 0xFF, .. "ar\n"u8]);
        Harness.AssertBadInput(Cost(path), $"{path}: byte offset 25: invalid UTF-8 (0xFF)");
    }

    [Fact]
    public void Non_utf8_text_in_a_safetensors_header_is_refused_with_its_byte_offset()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(Harness.Fixture("trace_f32.safetensors"));
        int at = 8 + Encoding.ASCII.GetString(bytes, 8, (int)BitConverter.ToUInt64(bytes)).IndexOf("dtype", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        string path = Write(dir, "t.safetensors", bytes);
        Harness.AssertBadInput(Harness.Run("trace", "info", path), $"{path}: byte offset {at}: invalid UTF-8");
    }

    private static byte[] Safetensors(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        return [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[dataBytes]];
    }

    [Fact]
    public void A_duplicate_tensor_key_in_a_safetensors_header_is_refused()
    {
        using var dir = new TempDir();
        const string tensor = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        string path = Write(dir, "t.safetensors", Safetensors($"{{\"a\":{tensor},\"a\":{tensor}}}", 4));
        Harness.AssertBadInput(Harness.Run("trace", "info", path), "header has the key 'a' twice");
    }

    private static byte[] Npy(string dict, int floats)
    {
        string header = dict.PadRight(118 - 1) + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, .. BitConverter.GetBytes((ushort)header.Length), .. Encoding.ASCII.GetBytes(header), .. new byte[4 * floats]];
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'extra': 1, }", "unexpected key 'extra'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'shape': (3, 2), }", "duplicate key 'shape'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': ((((((2, 3)))))), }", "shape entries must be integers")]
    public void Npy_headers_with_extra_repeated_or_nested_entries_are_refused(string dict, string message)
    {
        using var dir = new TempDir();
        string path = Write(dir, "x.npy", Npy(dict, 6));
        Harness.AssertBadInput(Harness.Run("trace", "info", path), message);
    }

    [Fact]
    public void A_npz_member_with_a_bad_crc_is_refused()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(Harness.Fixture("layer.npz"));
        // The first member is stored: its data starts after the 30-byte local header, its name and extra field.
        int data = 30 + BitConverter.ToUInt16(bytes, 26) + BitConverter.ToUInt16(bytes, 28);
        bytes[data + 128 + 2] ^= 0x40;
        string path = Write(dir, "t.npz", bytes);
        Harness.AssertBadInput(Harness.Run("trace", "export", "--trace", path, "--x", dir.File("x.npy")), "CRC-32 mismatch");
        Assert.False(File.Exists(dir.File("x.npy")));
    }

    [Fact]
    public void Huge_finite_inputs_are_refused_naming_the_tensor_and_index()
    {
        using var dir = new TempDir();
        var (x, w, _) = Harness.WriteRandomLayer(dir, 9, 8, 16, 4);
        var values = Traces.Npy.NpyFile.ReadFloat32(x);
        values.Data[1 * 16 + 2] = 3e38f;
        Traces.Npy.NpyFile.Write<float>(x, values.Data, 8, 16);
        var r = Harness.Run("layer", "--x", x, "--weight", w, "--out", dir.File("y.npy"));
        Harness.AssertBadInput(r, "exceeds the supported magnitude 2^40");
        Harness.AssertBadInput(r, "at index [1, 2]");
        Assert.False(File.Exists(dir.File("y.npy")));
    }

    [Fact]
    public void Inputs_at_the_magnitude_limit_give_finite_outputs_and_metrics()
    {
        using var dir = new TempDir();
        const float limit = 1L << 40;
        var rng = new Random(3);
        float Signed() => rng.Next(2) == 0 ? -limit : limit * (float)rng.NextDouble();
        int s = 64, d = 512, n = 32;
        Traces.Npy.NpyFile.Write<float>(dir.File("x.npy"), Enumerable.Range(0, s * d).Select(_ => Signed()).ToArray(), s, d);
        Traces.Npy.NpyFile.Write<float>(dir.File("w.npy"), Enumerable.Range(0, n * d).Select(_ => Signed()).ToArray(), n, d);
        var r = Harness.Run("layer", "--x", dir.File("x.npy"), "--weight", dir.File("w.npy"), "--out", dir.File("y.npy"), "--metrics", dir.File("m.json"));
        Assert.True(r.Code == 0, r.Err);
        var y = Traces.Npy.NpyFile.ReadFloat32(dir.File("y.npy"));
        Assert.All(y.Data, v => Assert.True(float.IsFinite(v)));
        string metrics = File.ReadAllText(dir.File("m.json"));
        Assert.DoesNotContain("NaN", metrics);
        Assert.DoesNotContain("Infinity", metrics);
    }

    [Fact]
    public void A_sweep_grid_too_large_to_count_is_refused()
    {
        using var dir = new TempDir();
        string axes = string.Concat(Enumerable.Range(0, 40).Select(i => $"  numerics.hi_tokens{i}: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"));
        string path = Write(dir, "s.yaml", $"trace: bundled\nconfig: edge-npu\naxes:\n{axes}");
        Harness.AssertBadInput(Harness.Run("sweep", path, "--out", dir.File("o")), "the grid is too large");
        Assert.False(Directory.Exists(dir.File("o")));
    }
}
