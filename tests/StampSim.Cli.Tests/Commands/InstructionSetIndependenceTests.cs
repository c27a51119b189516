using System.Diagnostics;
using System.Text.Json.Nodes;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

/// <summary>
/// The golden result must not depend on the instruction set: the same layer runs in child processes
/// with the runtime's hardware intrinsics switched off step by step (AVX-512, then AVX2 and AVX-VNNI,
/// then every intrinsic: all TensorPrimitives and Vector256 code falls back to scalar) and with
/// different thread counts and kernels; every output file must be byte-identical, and so must every
/// metric (the float64 reference has 512-bit, 256-bit and scalar paths), timings and the kernel's name aside.
/// </summary>
public class InstructionSetIndependenceTests
{
    private static readonly (string Name, string[] Env)[] Machines =
    [
        ("all intrinsics", []),
        ("no AVX-512", ["DOTNET_EnableAVX512F=0"]),
        ("no AVX2/AVX-VNNI", ["DOTNET_EnableAVX2=0"]),
        ("no intrinsics", ["DOTNET_EnableHWIntrinsic=0"]),
    ];

    public static TheoryData<string> Numerics() => new(
        "numerics.hi_tokens=8",
        "numerics.transform=dct",
        "numerics.feature_transform=hadamard numerics.act_quant=symmetric numerics.act_group=16",
        "numerics.transform=wht numerics.accumulator.tree_bits=12 numerics.accumulator.overflow=wrap");

    [Theory]
    [MemberData(nameof(Numerics))]
    public void Output_is_byte_identical_on_every_instruction_set_and_thread_count(string sets)
    {
        using var dir = new TempDir();
        int s = 64, d = 64, n = 24;
        var rng = new Random(3);
        float v = 0;
        NpyFile.Write<float>(dir.File("x.npy"), Enumerable.Range(0, s * d).Select(_ => v = 0.8f * v + (float)(rng.NextDouble() - 0.5)).ToArray(), s, d);
        NpyFile.Write<float>(dir.File("w.npy"), Enumerable.Range(0, n * d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray(), n, d);
        string[] setArgs = sets.Split(' ').SelectMany(a => new[] { "--set", a }).ToArray();
        byte[]? reference = null;
        string? referenceMetrics = null;
        foreach (var (name, env) in Machines)
        {
            foreach (var extra in new[] { new[] { "--threads", "1" }, new[] { "--threads", "3", "--kernel", "scalar" } })
            {
                string output = dir.File($"y-{Guid.NewGuid():N}.npy"), metrics = dir.File($"m-{Guid.NewGuid():N}.json");
                RunChild(env, ["layer", "--x", dir.File("x.npy"), "--weight", dir.File("w.npy"), "--out", output, "--metrics", metrics, .. setArgs, .. extra]);
                var bytes = File.ReadAllBytes(output);
                reference ??= bytes;
                Assert.True(reference.AsSpan().SequenceEqual(bytes), $"{name} {string.Join(' ', extra)}: output differs");
                string values = WithoutRunFacts(JsonNode.Parse(File.ReadAllText(metrics))!).ToJsonString();
                referenceMetrics ??= values;
                Assert.True(referenceMetrics == values, $"{name} {string.Join(' ', extra)}: metrics differ");
            }
        }
    }

    // Wall-clock fields and the name of the kernel that ran are the only ones allowed to differ between runs.
    private static JsonNode WithoutRunFacts(JsonNode node)
    {
        if (node is JsonObject o)
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                if (key.Contains("timing") || key.Contains("seconds") || key == "kernel") o.Remove(key);
                else if (o[key] is { } child) WithoutRunFacts(child);
            }
        else if (node is JsonArray a)
            foreach (var child in a.OfType<JsonNode>()) WithoutRunFacts(child);
        return node;
    }

    private static void RunChild(string[] env, string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "stampsim.dll");
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The test host may itself run under a muxer: run the CLI assembly with the same dotnet.
        if (!Path.GetFileNameWithoutExtension(psi.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            psi.FileName = "dotnet";
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var e in env)
        {
            var kv = e.Split('=', 2);
            psi.Environment[kv[0]] = kv[1];
        }
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"child failed ({string.Join(' ', env)}): {err}");
    }
}
