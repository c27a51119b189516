using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Io;
using StampSim.Traces.Npy;

namespace StampSim.Rtl.Vectors;

/// <summary>
/// Writes <see cref="TestVectors"/> as the testbench's <c>$readmemh</c> files (one value per line) and as
/// <c>.npy</c> for Python users, plus <c>vectors.json</c> describing both (the format is in docs/rtl.md).
/// </summary>
public static class VectorFiles
{
    /// <summary>The manifest naming the design and the record count.</summary>
    public const string Manifest = "vectors.json";

    /// <summary>Writes every file into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(TestVectors v, string directory)
    {
        Directory.CreateDirectory(directory);
        var records = v.Records;
        int rows = v.Design.Rows, d = v.Features;
        var tokenRow = new Dictionary<int, int>();
        for (int t = 0; t < v.Tokens.Length; t++) tokenRow[v.Tokens[t]] = t;

        Hex(directory, "act.hex", w =>
        {
            foreach (var r in records) Operands(w, v.ActCodes.AsSpan(tokenRow[r.Token] * d + r.Start, r.Length), rows);
        });
        Hex(directory, "wgt.hex", w =>
        {
            foreach (var r in records) Operands(w, v.WeightCodes.AsSpan(r.Channel * d + r.Start, r.Length), rows);
        });
        Hex(directory, "ctrl.hex", w =>
        {
            foreach (var r in records)
                w.WriteLine(((r.First ? 1 : 0) | (r.Wide ? 2 : 0) | (r.Last ? 4 : 0) | (r.TreeEvent ? 8 : 0) | (r.AccEvent ? 16 : 0)).ToString("x4", CultureInfo.InvariantCulture));
        });
        Hex(directory, "idx.hex", w =>
        {
            foreach (var r in records)
            {
                w.WriteLine(r.Token.ToString("x8", CultureInfo.InvariantCulture));
                w.WriteLine(r.Channel.ToString("x8", CultureInfo.InvariantCulture));
                w.WriteLine(r.Chunk.ToString("x8", CultureInfo.InvariantCulture));
            }
        });
        Hex(directory, "chunk.hex", w => { foreach (var r in records) w.WriteLine(r.ChunkSum.ToString("x16", CultureInfo.InvariantCulture)); });
        Hex(directory, "acc.hex", w => { foreach (var r in records) w.WriteLine(r.Accumulator.ToString("x16", CultureInfo.InvariantCulture)); });

        NpyFile.Write<short>(Path.Combine(directory, "act_codes.npy"), v.ActCodes, v.Tokens.Length, d);
        NpyFile.Write<short>(Path.Combine(directory, "weight_codes.npy"), v.WeightCodes, v.Outputs, d);
        NpyFile.Write<long>(Path.Combine(directory, "acc.npy"), v.Accumulators, v.Tokens.Length, v.Groups, v.Outputs);
        NpyFile.Write<long>(Path.Combine(directory, "events.npy"), new[] { v.Events.Tree, v.Events.Accumulator }, 2);
        AtomicFile.WriteAllText(Path.Combine(directory, Manifest), ManifestJson(v).ToJsonString(ConfigJson.Options) + "\n");
    }

    /// <summary>The manifest: design parameters, shapes, token indices and bits, record count and events.</summary>
    public static JsonObject ManifestJson(TestVectors v)
    {
        var design = new JsonObject();
        foreach (var (name, value) in v.Design.Parameters())
            design[name] = int.Parse(value, CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["records"] = v.Records.Length,
            ["design"] = design,
            ["features"] = v.Features,
            ["outputs"] = v.Outputs,
            ["groups"] = v.Groups,
            ["tokens"] = new JsonArray(v.Tokens.Select(t => (JsonNode)t).ToArray()),
            ["token_bits"] = new JsonArray(v.TokenBits.Select(b => (JsonNode)b).ToArray()),
            ["events"] = new JsonObject { ["tree"] = v.Events.Tree, ["accumulator"] = v.Events.Accumulator },
        };
    }

    // One chunk's operands, row 0 first, as 16-bit two's complement; rows past a short chunk get zeros.
    private static void Operands(TextWriter w, ReadOnlySpan<short> codes, int rows)
    {
        for (int i = 0; i < rows; i++)
            w.WriteLine(((ushort)(i < codes.Length ? codes[i] : 0)).ToString("x4", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes one <c>$readmemh</c> image atomically, lines ending in LF.</summary>
    internal static void Hex(string directory, string name, Action<TextWriter> write) =>
        AtomicFile.Write(Path.Combine(directory, name), s =>
        {
            using var w = new StreamWriter(s, leaveOpen: true) { NewLine = "\n" };
            write(w);
        });
}
