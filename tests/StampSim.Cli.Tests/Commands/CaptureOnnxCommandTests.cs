using System.Text.Json;
using StampSim.Tests.Onnx;
using StampSim.Tests.Support;
using StampSim.Traces;

namespace StampSim.Tests.Commands;

public class CaptureOnnxCommandTests
{
    [SkippableFact]
    public void Minilm_capture_on_wikitext_holds_onnx_runtimes_activations_and_replays_and_runs()
    {
        MiniLm.SkipIfAbsent();
        using var dir = new TempDir();
        string trace = dir.File("m.safetensors");
        var r = Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--tokens", "128", "--out", trace);
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("captured 37 linear layers of minilm-l6 (25 distinct inputs)", r.Out);

        using (var file = TraceFile.Open(trace))
        {
            var m = file.Manifest;
            Assert.Equal("text", m.Input.Kind);
            Assert.Equal(128, m.Input.TokenIds!.Count);
            Assert.Equal(101, m.Input.TokenIds[0]);
            Assert.Equal(102, m.Input.TokenIds[^1]);
            var q = m.Layer("encoder.layer.3.attention.self.query", "test");
            Assert.Equal(("attn.q", (int?)3), (q.Kind, q.Block));
            Assert.Equal(q.Activation, m.Layer("encoder.layer.3.attention.self.value", "test").Activation);
            Assert.Equal("mlp.fc2", m.Layer("encoder.layer.3.output.dense", "test").Kind);
            Assert.Equal((long[])[384, 1536], file.Tensor("encoder.layer.3.output.dense.weight").Shape);

            // Every stored activation is ONNX Runtime's value of the tensor the layer's MatMul/Gemm reads.
            var graph = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(MiniLm.Model)).Graph;
            string TensorOf(TraceLayer l)
            {
                // MiniLM's biases keep the module path; the pooler's Gemm reads its bias itself.
                string bias = l.Name + ".bias";
                var reader = graph.Node.First(n => n.Input.Contains(bias));
                var product = reader.OpType == "Gemm" ? reader : graph.Node.Single(n => n.Output.Contains(reader.Input.First(i => i != bias)));
                return product.Input[0];
            }
            var byKey = m.Layers.GroupBy(l => l.Activation).ToDictionary(g => g.Key, g => TensorOf(g.First()));
            var expected = OnnxReference.Tensors(MiniLm.Model, m.Input.TokenIds.ToArray(), byKey.Values.Distinct().ToArray());
            foreach (var (key, tensor) in byKey)
                Assert.Equal(expected[tensor], file.ReadFloat32(key));
        }

        var replay = Harness.Run("replay", "--trace", trace, "--layers", "encoder.layer.0.*", "--json", dir.File("r.json"));
        Assert.True(replay.Code == 0, replay.Err);
        using (var json = JsonDocument.Parse(File.ReadAllText(dir.File("r.json"))))
            Assert.Contains("encoder.layer.0.output.dense", json.RootElement.ToString());
        var run = Harness.Run("run", "--trace", trace, "--layers", "encoder.layer.5.*", "--out", dir.File("report"));
        Assert.True(run.Code == 0, run.Err);
        Assert.True(File.Exists(Path.Combine(dir.File("report"), "report.md")));
    }

    [SkippableFact]
    public void Eval_onnx_gives_float32_identity_and_lower_agreement_for_quantized_variants()
    {
        MiniLm.SkipIfAbsent();
        using var dir = new TempDir();
        var r = Harness.Run("eval", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--sentences", "2", "--json", dir.File("e.json"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("e.json")));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("inputs").GetProperty("sentences").GetInt32());
        Assert.True(root.GetProperty("inputs").GetProperty("float32_vs_onnxruntime_mean_cosine").GetDouble() > 1 - 1e-9);
        var variants = root.GetProperty("variants");
        Assert.Equal(["float32", "w4a4-rtn", "w4a4-stamp", "w4a4-rtn-hadamard", "w4a4-stamp-hadamard", "w4a8"], variants.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, variants.GetProperty("float32").GetProperty("mean_cosine").GetDouble(), 12);
        foreach (var v in variants.EnumerateObject().Skip(1))
        {
            double cos = v.Value.GetProperty("mean_cosine").GetDouble();
            Assert.True(cos is > 0 and < 1, $"{v.Name}: {cos}");
        }
        // 8-bit activations agree better than 4-bit round-to-nearest.
        Assert.True(variants.GetProperty("w4a8").GetProperty("mean_cosine").GetDouble() > variants.GetProperty("w4a4-rtn").GetProperty("mean_cosine").GetDouble());
    }

    [SkippableFact]
    public void Bad_onnx_arguments_are_clean_errors()
    {
        MiniLm.SkipIfAbsent();
        using var dir = new TempDir();
        string o = dir.File("t.safetensors");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--out", o), "give either --text or --input");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--input", "pixels=x.npy", "--out", o), "'pixels' is not an input of");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--input", "input_ids", "--out", o), "--input: expected name=file.npy");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.WikiText, "--text", MiniLm.WikiText, "--out", o), "not an ONNX model");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--vocab", dir.File("none.txt"), "--out", o), "none.txt: file not found");
        Harness.AssertBadInput(Harness.Run("eval", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--sentences", "0"), "--sentences: must be positive");
        Assert.Empty(dir.Files);
    }

    [SkippableFact]
    public void Capture_onnx_from_npy_inputs_names_them_in_the_manifest()
    {
        MiniLm.SkipIfAbsent();
        using var dir = new TempDir();
        long[] ids = [101, 7592, 1010, 2088, 999, 102];
        StampSim.Traces.Npy.NpyFile.Write<long>(dir.File("ids.npy"), ids, 1, ids.Length);
        StampSim.Traces.Npy.NpyFile.Write<long>(dir.File("mask.npy"), Enumerable.Repeat(1L, ids.Length).ToArray(), 1, ids.Length);
        StampSim.Traces.Npy.NpyFile.Write<long>(dir.File("types.npy"), new long[ids.Length], 1, ids.Length);
        var r = Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--input", $"input_ids={dir.File("ids.npy")}", "--input", $"attention_mask={dir.File("mask.npy")}",
            "--input", $"token_type_ids={dir.File("types.npy")}", "--layers", "mlp.*", "--dtype", "f16", "--out", dir.File("t.safetensors"));
        Assert.True(r.Code == 0, r.Err);
        using var file = TraceFile.Open(dir.File("t.safetensors"));
        Assert.Equal("other", file.Manifest.Input.Kind);
        Assert.Equal(["ids.npy", "mask.npy", "types.npy"], file.Manifest.Input.Files!);
        Assert.Equal(12, file.Manifest.Layers.Count);
        Assert.Equal((long[])[6, 384], file.Tensor(file.Manifest.Layers[0].Activation).Shape);
    }

    [SkippableFact]
    public void Limits_read_from_the_model_refuse_long_or_foreign_token_sequences_before_onnx_runtime_runs()
    {
        MiniLm.SkipIfAbsent();
        using var dir = new TempDir();
        string o = dir.File("t.safetensors");
        // MiniLM's position table has 512 rows: more tokens are refused with the limit and the tensor named, not ONNX Runtime's log.
        var r = Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--tokens", "5000", "--out", o);
        Harness.AssertBadInput(r, "--tokens: 5000, but the model takes at most 512 positions (embeddings.position_embeddings.weight)");
        Assert.DoesNotContain("\u001b", r.Err);
        Assert.DoesNotContain("onnxruntime", r.Err);
        Harness.AssertBadInput(Harness.Run("eval", "onnx", "--model", MiniLm.Model, "--text", MiniLm.WikiText, "--max-tokens", "600"), "--max-tokens: 600, but the model takes at most 512 positions");

        string[] Inputs(string name, long[] ids)
        {
            StampSim.Traces.Npy.NpyFile.Write<long>(dir.File(name + "-ids.npy"), ids, 1, ids.Length);
            StampSim.Traces.Npy.NpyFile.Write<long>(dir.File(name + "-mask.npy"), Enumerable.Repeat(1L, ids.Length).ToArray(), 1, ids.Length);
            StampSim.Traces.Npy.NpyFile.Write<long>(dir.File(name + "-types.npy"), new long[ids.Length], 1, ids.Length);
            return ["--input", $"input_ids={dir.File(name + "-ids.npy")}", "--input", $"attention_mask={dir.File(name + "-mask.npy")}", "--input", $"token_type_ids={dir.File(name + "-types.npy")}"];
        }
        Harness.AssertBadInput(Harness.Run(["capture", "onnx", "--model", MiniLm.Model, .. Inputs("long", Enumerable.Repeat(1000L, 600).ToArray()), "--out", o]),
            "--input input_ids: 600 tokens, but the model takes at most 512 positions");
        Harness.AssertBadInput(Harness.Run(["capture", "onnx", "--model", MiniLm.Model, .. Inputs("far", [101, 999_999, 102]), "--out", o]),
            "token id 999999 is outside the model's vocabulary of 30522");

        File.WriteAllText(dir.File("empty.txt"), " \n\t\n");
        Harness.AssertBadInput(Harness.Run("capture", "onnx", "--model", MiniLm.Model, "--text", dir.File("empty.txt"), "--out", o), "empty.txt: holds no text (empty or whitespace only)");
        Assert.False(File.Exists(o));
    }
}
