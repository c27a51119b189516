using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// Every command's argument validation, fed seeded mutations of a valid command line (see
/// <see cref="ArgumentMutation"/>). Each case must satisfy <see cref="FuzzCase"/>.
/// </summary>
public class ArgumentFuzzTests
{
    private const int Cases = 200;

    private static string[][] ValidLines(TempDir dir)
    {
        var (x, w, b) = Harness.WriteRandomLayer(dir, 7, 8, 16, 4);
        File.Copy(Harness.Fixture("trace_f32.safetensors"), dir.File("t.safetensors"));
        File.WriteAllText(dir.File("s.yaml"), $"trace: {dir.File("t.safetensors")}\nconfig: edge-npu\naxes:\n  numerics.hi_tokens: [2]\n");
        string t = dir.File("t.safetensors");
        return
        [
            ["layer", "--x", x, "--weight", w, "--bias", b, "--out", dir.File("y.npy"), "--metrics", dir.File("m.json"), "--set", "numerics.hi_tokens=4"],
            ["trace", "info", t, "--set", "numerics.hi_tokens=2"],
            ["trace", "export", "--trace", t, "--x", dir.File("ex.npy"), "--weight", dir.File("ew.npy")],
            ["replay", "--trace", t, "--json", dir.File("r.json"), "--csv", dir.File("r.csv")],
            ["cost", "--gemm", "64x128x32", "--json", dir.File("c.json")],
            ["synth", "--s", "8", "--d", "16", "--n", "4", "--out", dir.File("syn.safetensors")],
            ["run", "--trace", t, "--out", dir.File("rep"), "--set", "numerics.hi_tokens=2"],
            ["sweep", dir.File("s.yaml"), "--out", dir.File("sw"), "--jobs", "1"],
            ["merge", dir.File("sw"), "--out", dir.File("mg")],
            ["compare", dir.File("rep"), dir.File("rep")],
            ["eval", "llama", "--model", dir.File("none.bin"), "--text", t],
            ["capture", "llama", "--model", dir.File("none.bin"), "--text", t, "--out", dir.File("cap.safetensors")],
        ];
    }

    [Fact]
    public void Mutated_command_lines_are_refused_cleanly_or_run()
    {
        var mutator = new Mutator(21);
        for (int i = 0; i < Cases; i++)
        {
            using var dir = new TempDir();
            var lines = ValidLines(dir);
            var args = lines[mutator.Next(lines.Length)].ToList();
            string what = ArgumentMutation.Apply(mutator, args, dir);
            FuzzCase.Check(dir, $"seed 21 case {i} ({what})", [.. args]);
        }
    }
}
