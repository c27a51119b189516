using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// Every command's argument validation, fed seeded mutations of a valid command line: a value replaced by
/// an empty, negative, huge, non-finite, malformed, special-path or input-colliding one, an option repeated
/// or dropped. Each case must satisfy <see cref="FuzzCase"/>.
/// </summary>
public class ArgumentFuzzTests
{
    private const int Cases = 200;

    private static readonly string[] Odd =
    [
        "", " ", "-1", "0", "2147483648", "1e400", "NaN", "-inf", "3e38", "x", "64x", "0x0x0", "1/0", "3/2", "a=b", "=", "numerics.hi_tokens=",
        "numerics.hi_tokens=1e400", "numerics=", "\uD800", "é", "/dev/null", "/", ".", "..", "*", "[", "{", new string('9', 400),
    ];

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
            string what = Mutate(mutator, args, dir);
            FuzzCase.Check(dir, $"seed 21 case {i} ({what})", [.. args]);
        }
    }

    private static string Mutate(Mutator m, List<string> args, TempDir dir)
    {
        int at = 1 + m.Next(args.Count - 1);
        switch (m.Next(5))
        {
            case 0:
            case 1:
                string value = Odd[m.Next(Odd.Length)];
                // A relative name after an output option would be written into the test's working folder.
                if (args[at - 1] is "--out" or "--json" or "--csv" or "--metrics" or "--x" or "--weight" or "--bias"
                    && !Path.IsPathRooted(value) && value is not ("." or ".."))
                    value = dir.File(value);
                args[at] = value;
                return $"argument {at} = '{value}'";
            case 2:
                // An output pointed at another argument: an input, or another output.
                string other = args[1 + m.Next(args.Count - 1)];
                args[at] = other;
                return $"argument {at} = argument '{other}'";
            case 3:
                args.Insert(at, args[at]);
                return $"argument {at} repeated";
            default:
                string gone = args[at];
                args.RemoveAt(at);
                return $"argument {at} ('{gone}') dropped";
        }
    }
}
