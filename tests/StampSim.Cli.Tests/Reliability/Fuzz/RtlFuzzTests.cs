using StampSim.Rtl;
using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// <c>stampsim rtl emit|vectors|verify|synth</c> fed seeded mutations of valid command lines (see
/// <see cref="ArgumentMutation"/>); each case must satisfy <see cref="FuzzCase"/>. verify and synth need their
/// tools and skip, with the reason, without them. verify runs Icarus only: a Verilator build takes about 20 s,
/// past this suite's budget (the simulator choice is covered by RtlCommandTests).
/// </summary>
public class RtlFuzzTests
{
    /// <summary>emit and vectors cases (about 0.1 s each).</summary>
    private const int Cases = 80;

    /// <summary>verify cases (about 1 s each when the line is valid).</summary>
    private const int VerifyCases = 30;

    /// <summary>synth cases (about 8 s each when the line is valid: the column, a PE and a 2 x 2 array).</summary>
    private const int SynthCases = 6;

    private static readonly string[] Random = ["--random", "3", "--d", "21", "--n", "2", "--seed", "4", "--set", "numerics.hi_tokens=1", "--set", "mac_array.rows=5"];

    private static readonly string[] OddArguments =
    [
        .. ArgumentMutation.Odd, "mac_array.rows=0", "mac_array.rows=1", "mac_array.rows=100000", "numerics.weight_bits=8", "numerics.accumulator.tree_bits=1",
        "numerics.accumulator.overflow=wrap", "numerics.transform=none", "bundled", "65536", "iverilog",
    ];

    private static void Require(string program) =>
        Skip.If(ExternalTool.Find(program) is null, $"not installed: {program} (apt-get install verilator iverilog yosys)");

    private static void Fuzz(int seed, int cases, Func<TempDir, string[][]> lines)
    {
        var mutator = new Mutator(seed);
        for (int i = 0; i < cases; i++)
        {
            using var dir = new TempDir();
            var all = lines(dir);
            var args = all[mutator.Next(all.Length)].ToList();
            string what = ArgumentMutation.Apply(mutator, args, dir, OddArguments);
            FuzzCase.Check(dir, $"seed {seed} case {i} ({what})", [.. args]);
        }
    }

    [Fact]
    public void Emit_and_vectors() => Fuzz(41, Cases, dir =>
    {
        var (x, w, _) = Harness.WriteRandomLayer(dir, 5, 3, 21, 2);
        File.Copy(Harness.Fixture("trace_f32.safetensors"), dir.File("t.safetensors"));
        File.Copy(Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml"), dir.File("c.yaml"));
        return
        [
            ["rtl", "emit", "--set", "mac_array.rows=7", "--out", dir.File("e")],
            ["rtl", "emit", "--config", dir.File("c.yaml"), "--out", dir.File("e"), "--force"],
            ["rtl", "vectors", .. Random, "--tokens", "2", "--out", dir.File("v")],
            ["rtl", "vectors", "--x", x, "--weight", w, "--config", dir.File("c.yaml"), "--out", dir.File("v")],
            ["rtl", "vectors", "--trace", dir.File("t.safetensors"), "--tokens", "1", "--out", dir.File("v")],
        ];
    });

    [SkippableFact]
    public void Verify()
    {
        Require("iverilog");
        Fuzz(42, VerifyCases, dir =>
        {
            Assert.Equal(0, Harness.Run("rtl", "emit", "--set", "mac_array.rows=5", "--out", dir.File("mine")).Code);
            return
            [
                ["rtl", "verify", .. Random, "--simulator", "iverilog", "--out", dir.File("vd")],
                ["rtl", "verify", .. Random, "--simulator", "iverilog", "--rtl", dir.File("mine"), "--tokens", "1"],
            ];
        });
    }

    [SkippableFact]
    public void Synth()
    {
        Require("yosys");
        Fuzz(43, SynthCases, dir => [["rtl", "synth", "--set", "mac_array.rows=2", "--set", "mac_array.cols=2", "--json", dir.File("s.json")]]);
    }
}
