using StampSim.Tests.Onnx;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// <c>stampsim capture onnx</c> and <c>eval onnx</c> fed the shared MiniLM model truncated at seeded offsets
/// and bit-flipped at seeded positions, and seeded mutations of their command lines. Each case runs in its own
/// process, so that ONNX Runtime's own writes to stderr are seen, and must satisfy <see cref="FuzzCase"/>.
/// ONNX cases are slow (a model load is about 2 s; a valid eval about 20 s), so they are few.
/// </summary>
public class OnnxFuzzTests
{
    /// <summary>Mutated models fed to capture onnx.</summary>
    private const int CaptureModelCases = 14;

    /// <summary>Mutated capture onnx command lines.</summary>
    private const int CaptureArgumentCases = 16;

    /// <summary>Mutated models fed to eval onnx: only truncations and flips in the graph, which fail before the slow part.</summary>
    private const int EvalModelCases = 4;

    /// <summary>Mutated eval onnx command lines.</summary>
    private const int EvalArgumentCases = 6;

    private const string Text = "The cat sat on the mat. A second sentence follows here. And a third one ends the text.\n";

    private static string[] Capture(TempDir dir, string model) =>
        ["capture", "onnx", "--model", model, "--text", dir.File("s.txt"), "--tokens", "8", "--layers", "pooler*", "--out", dir.File("c.safetensors")];

    private static string[] Eval(TempDir dir, string model) =>
        ["eval", "onnx", "--model", model, "--text", dir.File("s.txt"), "--sentences", "1", "--max-tokens", "4", "--json", dir.File("e.json")];

    // The model cut short or with bits flipped. The header and the graph's nodes sit in the first 64 KiB and the
    // graph's inputs and outputs in the last 4 KiB; the weights between them are most of the bytes, and a flip
    // there gives a valid model with other weights, so positions are drawn from all three.
    private static (byte[] Bytes, string What) MutateModel(Mutator m, byte[] model, bool graphOnly)
    {
        int Position()
        {
            int region = m.Next(graphOnly ? 2 : 3);
            return region switch
            {
                0 => m.Next(64 * 1024),
                1 => model.Length - 1 - m.Next(4096),
                _ => m.Next(model.Length),
            };
        }
        if (m.Next(2) == 0)
        {
            int cut = Position();
            return (model[..cut], $"truncated to {cut} bytes");
        }
        var b = (byte[])model.Clone();
        int flips = 1 + m.Next(4);
        var where = new List<string>();
        for (int i = 0; i < flips; i++)
        {
            int at = Position(), bit = m.Next(8);
            b[at] ^= (byte)(1 << bit);
            where.Add($"{at}.{bit}");
        }
        return (b, $"bits flipped at {string.Join(", ", where)}");
    }

    private static void FuzzModels(int seed, int cases, bool graphOnly, Func<TempDir, string, string[]> line)
    {
        MiniLm.SkipIfAbsent();
        var model = File.ReadAllBytes(MiniLm.Model);
        var mutator = new Mutator(seed);
        for (int i = 0; i < cases; i++)
        {
            var (bytes, what) = MutateModel(mutator, model, graphOnly);
            using var dir = new TempDir();
            File.WriteAllBytes(dir.File("model.onnx"), bytes);
            File.Copy(MiniLm.Vocab, dir.File("vocab.txt"));
            File.WriteAllText(dir.File("s.txt"), Text);
            FuzzCase.CheckInChild(dir, $"seed {seed} case {i} ({what})", line(dir, dir.File("model.onnx")));
        }
    }

    // The options these commands add; every other case aims at one of them.
    private static readonly string[] Aimed = ["--tokens", "--max-tokens", "--sentences", "--input", "--text"];

    private static void FuzzArguments(int seed, int cases, Func<TempDir, string[][]> lines)
    {
        MiniLm.SkipIfAbsent();
        var mutator = new Mutator(seed);
        for (int i = 0; i < cases; i++)
        {
            using var dir = new TempDir();
            File.WriteAllText(dir.File("s.txt"), Text);
            var odd = OddArguments(dir);
            var all = lines(dir);
            var args = all[mutator.Next(all.Length)].ToList();
            string what = i % 2 == 0 ? ArgumentMutation.Apply(mutator, args, dir, odd) : ArgumentMutation.ReplaceValue(mutator, args, dir, Aimed, odd[ArgumentMutation.Odd.Length..]);
            FuzzCase.CheckInChild(dir, $"seed {seed} case {i} ({what})", [.. args]);
        }
    }

    // Token counts past the model's 512 positions or below [CLS] and [SEP], graph inputs with ids outside the
    // vocabulary, of the wrong type or rank, or empty, and texts with no words.
    private static string[] OddArguments(TempDir dir)
    {
        void Ids(string name, long[] values, params long[] shape) => NpyFile.Write<long>(dir.File(name), values, shape);
        Ids("neg.npy", [101, -1, 102], 1, 3);
        Ids("huge.npy", [101, 1_000_000_000, 102], 1, 3);
        Ids("rank3.npy", [101, 2000, 102], 1, 1, 3);
        Ids("empty.npy", [], 1, 0);
        Ids("long.npy", new long[600], 1, 600);
        NpyFile.Write<float>(dir.File("float.npy"), [101f, 2000f, 102f], 1, 3);
        File.WriteAllText(dir.File("empty.txt"), "");
        File.WriteAllText(dir.File("blank.txt"), " \n\t\n");
        return
        [
            .. ArgumentMutation.Odd, "5000", "513", "512", "3", "2", "1", "0", "-1", "2147483648", "pixels=x.npy", "input_ids", "input_ids=" + dir.File("s.txt"),
            .. new[] { "neg", "huge", "rank3", "empty", "long", "float" }.Select(n => "input_ids=" + dir.File(n + ".npy")),
            dir.File("empty.txt"), dir.File("blank.txt"),
        ];
    }

    [SkippableFact]
    public void Capture_of_a_damaged_model() => FuzzModels(51, CaptureModelCases, graphOnly: false, Capture);

    [SkippableFact]
    public void Eval_of_a_damaged_model() => FuzzModels(52, EvalModelCases, graphOnly: true, Eval);

    [SkippableFact]
    public void Capture_command_lines() => FuzzArguments(53, CaptureArgumentCases, dir =>
    {
        NpyFile.Write<long>(dir.File("ids.npy"), [101, 7592, 2088, 102], 1, 4);
        NpyFile.Write<long>(dir.File("mask.npy"), [1, 1, 1, 1], 1, 4);
        NpyFile.Write<long>(dir.File("types.npy"), [0, 0, 0, 0], 1, 4);
        return
        [
            Capture(dir, MiniLm.Model),
            ["capture", "onnx", "--model", MiniLm.Model, "--input", "input_ids=" + dir.File("ids.npy"), "--input", "attention_mask=" + dir.File("mask.npy"),
                "--input", "token_type_ids=" + dir.File("types.npy"), "--layers", "pooler*", "--out", dir.File("c.safetensors")],
        ];
    });

    [SkippableFact]
    public void Capture_of_odd_graph_inputs()
    {
        MiniLm.SkipIfAbsent();
        string[] odd = ["neg", "huge", "rank3", "empty", "long", "float", "short_mask"];
        foreach (var name in odd)
        {
            using var dir = new TempDir();
            OddArguments(dir);
            NpyFile.Write<long>(dir.File("ok.npy"), [101, 2000, 102], 1, 3);
            NpyFile.Write<long>(dir.File("short_mask.npy"), [1, 1], 1, 2);
            NpyFile.Write<long>(dir.File("mask.npy"), [1, 1, 1], 1, 3);
            NpyFile.Write<long>(dir.File("types.npy"), [0, 0, 0], 1, 3);
            string ids = name == "short_mask" ? "ok" : name, mask = name == "short_mask" ? "short_mask" : "mask";
            FuzzCase.CheckInChild(dir, $"graph input {name}", "capture", "onnx", "--model", MiniLm.Model, "--input", $"input_ids={dir.File(ids + ".npy")}",
                "--input", $"attention_mask={dir.File(mask + ".npy")}", "--input", $"token_type_ids={dir.File("types.npy")}", "--out", dir.File("c.safetensors"));
        }
    }

    [SkippableFact]
    public void Eval_command_lines() => FuzzArguments(54, EvalArgumentCases, dir => [Eval(dir, MiniLm.Model)]);
}
