using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// Every reader, fed seeded mutations of a valid file through the commands that read it (see
/// <see cref="FuzzCase"/> for what each case must satisfy). The case counts are fixed, so the suite's
/// cost is fixed: about <see cref="TotalCases"/> cases in well under a minute.
/// </summary>
public class ReaderFuzzTests
{
    /// <summary>Cases per reader.</summary>
    private const int Cases = 60;

    /// <summary>Cases for sweep specs, of which the valid ones run a (one-point) sweep.</summary>
    private const int SweepCases = 30;

    /// <summary>All reader cases together, for the record.</summary>
    public const int TotalCases = 7 * Cases + SweepCases;

    private static string Repo(params string[] parts) => Path.Combine([SharedData.RepoRoot(), .. parts]);

    private static void Fuzz(int seed, byte[] valid, string fileName, Func<TempDir, string, string[][]> commands, int cases = Cases)
    {
        var mutator = new Mutator(seed);
        for (int i = 0; i < cases; i++)
        {
            var (bytes, what) = mutator.Mutate(valid);
            using var dir = new TempDir();
            string file = dir.File(fileName);
            File.WriteAllBytes(file, bytes);
            foreach (var args in commands(dir, file))
                FuzzCase.Check(dir, $"seed {seed} case {i} ({what})", args);
        }
    }

    [Fact]
    public void Npy_files() =>
        Fuzz(11, File.ReadAllBytes(Harness.Fixture("x_f4.npy")), "x.npy", (dir, f) =>
        {
            File.Copy(Harness.Fixture("w.npy"), dir.File("w.npy"));
            return [["trace", "info", f], ["layer", "--x", f, "--weight", dir.File("w.npy"), "--out", dir.File("y.npy")]];
        });

    [Fact]
    public void Npz_archives() =>
        Fuzz(12, File.ReadAllBytes(Harness.Fixture("layer_compressed.npz")), "t.npz", (dir, f) =>
            [["trace", "info", f], ["trace", "export", "--trace", f, "--x", dir.File("x.npy")]]);

    [Fact]
    public void Stored_npz_archives() =>
        Fuzz(13, File.ReadAllBytes(Harness.Fixture("layer.npz")), "t.npz", (dir, f) =>
            [["trace", "export", "--trace", f, "--x", dir.File("x.npy")], ["replay", "--trace", f, "--json", dir.File("r.json")]]);

    [Fact]
    public void Safetensors_traces() =>
        Fuzz(14, File.ReadAllBytes(Harness.Fixture("trace_f32.safetensors")), "t.safetensors", (dir, f) =>
            [["trace", "info", f], ["trace", "export", "--trace", f, "--x", dir.File("x.npy")]]);

    [Fact]
    public void Accelerator_configs() =>
        Fuzz(15, File.ReadAllBytes(Repo("hwconfigs", "edge-npu.yaml")), "c.yaml", (dir, f) =>
            [["cost", "--config", f, "--gemm", "64x128x32", "--json", dir.File("c.json")]]);

    [Fact]
    public void Numerics_configs_in_layer() =>
        Fuzz(16, "numerics:\n  transform: haar\n  hi_tokens: 4\n  hi_bits: 8\n  lo_bits: 4\nmac_array: {rows: 8, cols: 8}\n"u8.ToArray(), "n.yaml", (dir, f) =>
        {
            var (x, w, _) = Harness.WriteRandomLayer(dir, 1, 8, 16, 4);
            return [["layer", "--x", x, "--weight", w, "--config", f, "--out", dir.File("y.npy")]];
        });

    [Fact]
    public void Sweep_specs() =>
        Fuzz(17, System.Text.Encoding.UTF8.GetBytes($"trace: {Harness.Fixture("trace_f32.safetensors")}\nconfig: edge-npu\naxes:\n  numerics.hi_tokens: [2]\n"), "s.yaml", (dir, f) =>
            [["sweep", f, "--out", dir.File("out"), "--jobs", "1"]], SweepCases);

    [Fact]
    public void Report_results_edited_and_rehashed()
    {
        using var reports = new TempDir();
        string a = reports.File("a");
        Assert.Equal(0, Harness.Run("run", "--trace", Harness.Fixture("trace_f32.safetensors"), "--out", a).Code);
        var result = JsonNode.Parse(File.ReadAllText(Path.Combine(a, "result.json")))!;
        var mutator = new Mutator(18);
        for (int i = 0; i < Cases; i++)
        {
            using var dir = new TempDir();
            CopyTree(a, dir.File("a"));
            CopyTree(a, dir.File("b"));
            var (mutated, what) = mutator.MutateJson(result.DeepClone());
            string path = dir.File("b/result.json");
            File.WriteAllText(path, mutated.ToJsonString());
            Rehash(dir.File("b"), "result.json");
            FuzzCase.Check(dir, $"seed 18 case {i} ({what})", "compare", dir.File("a"), dir.File("b"));
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    // What someone editing a report by hand and "fixing" its manifest would do.
    private static void Rehash(string folder, string name)
    {
        string manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var bytes = File.ReadAllBytes(Path.Combine(folder, name));
        foreach (var entry in manifest["files"]!.AsArray())
        {
            if ((string?)entry!["path"] != name) continue;
            entry["bytes"] = bytes.Length;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }
}
