using System.Text.Json;
using StampSim.Models.Linear;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;
using StampSim.Traces;

namespace StampSim.Tests.Commands;

public class CaptureCommandTests
{
    [SkippableFact]
    public void Captured_llama_layer_replays_to_the_output_the_engine_gives_inside_the_forward_pass()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        string model = SharedData.Path("models", "stories260K", "stories260K.bin");
        var r = Harness.Run("capture", "llama", "--model", model, "--text", SharedData.Path("data", "text", "tinystories_sample.txt"),
            "--tokens", "96", "--out", dir.File("t.safetensors"));
        Assert.True(r.Code == 0, r.Err);

        using var trace = TraceFile.Open(dir.File("t.safetensors"));
        var manifest = trace.Manifest;
        Assert.Equal(36, manifest.Layers.Count);
        Assert.Equal(96, manifest.Input.TokenIds!.Count);
        Assert.Equal(1, manifest.Input.TokenIds[0]);
        var wq = manifest.Layer("layers.1.attention.wq", "test");
        Assert.Equal(wq.Activation, manifest.Layer("layers.1.attention.wk", "test").Activation);
        Assert.NotEqual(wq.Activation, manifest.Layer("layers.1.feed_forward.w1", "test").Activation);

        // The captured call (float32 forward pass, as capture runs it) through the model's quantized
        // executor (what eval runs inside the forward pass) and through layer --trace.
        var numerics = new NumericsConfig { HiTokens = 16 };
        var lm = StampSim.Models.Llama.Llama2cCheckpoint.Load(model);
        var recording = new RecordingLinearExecutor(new Float32LinearExecutor());
        lm.Forward(manifest.Input.TokenIds.Select(t => (int)t).ToArray(), recording);
        var call = recording.Calls.Single(c => c.Call.Name == "layers.3.feed_forward.w2").Call;
        var inModel = new QuantizedLinearExecutor(numerics).Linear(call);

        var replay = Harness.Run("layer", "--trace", dir.File("t.safetensors"), "--layer", "layers.3.feed_forward.w2",
            "--set", "numerics.hi_tokens=16", "--out", dir.File("y.npy"));
        Assert.True(replay.Code == 0, replay.Err);
        TestData.AssertBitsEqual(inModel.Data, NpyFile.ReadFloat32(dir.File("y.npy")).Data, "replayed layer");
    }

    [SkippableFact]
    public void Captured_vit_trace_carries_the_grid_and_cls_prefix_and_replays_with_haar2d()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        var r = Harness.Run("capture", "vit", "--model", SharedData.Path("models", "vit-tiny", "model.safetensors"),
            "--image", SharedData.Path("data", "images", "chelsea.png"), "--layers", "vit.encoder.layer.0.*", "--out", dir.File("v.safetensors"));
        Assert.True(r.Code == 0, r.Err);
        using (var trace = TraceFile.Open(dir.File("v.safetensors")))
        {
            Assert.Equal(6, trace.Manifest.Layers.Count);
            Assert.Equal("vit-tiny", trace.Manifest.Model);
            Assert.All(trace.Manifest.Layers, l => { Assert.Equal(new TokenGrid(14, 14), l.Grid); Assert.Equal(1, l.Prefix); });
        }
        var replay = Harness.Run("replay", "--trace", dir.File("v.safetensors"), "--set", "numerics.transform=haar2d",
            "--set", "numerics.levels=1", "--json", dir.File("m.json"));
        Assert.True(replay.Code == 0, replay.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("m.json")));
        Assert.Contains("haar2d", json.RootElement.ToString());
        Assert.Contains("prefix(1)", json.RootElement.ToString());
    }

    [SkippableFact]
    public void Capture_llama_without_tokens_takes_the_whole_text_up_to_the_context_length()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        string model = SharedData.Path("models", "stories260K", "stories260K.bin");
        string story = File.ReadAllText(SharedData.Path("data", "text", "tinystories_sample.txt"));
        var tokenizer = StampSim.Models.Tokenizer.Llama2cTokenizer.Load(SharedData.Path("models", "stories260K", "tok512.bin"), 512);
        string shortText = dir.File("short.txt");
        File.WriteAllText(shortText, story[..600]);
        int Captured(string text, string name)
        {
            var r = Harness.Run("capture", "llama", "--model", model, "--text", text, "--layers", "layers.0.*", "--out", dir.File(name));
            Assert.True(r.Code == 0, r.Err);
            using var trace = TraceFile.Open(dir.File(name));
            Assert.Equal(trace.Manifest.Input.TokenIds!.Count, trace.Tensor(trace.Manifest.Layers[0].Activation).Shape[0]);
            return trace.Manifest.Input.TokenIds.Count;
        }
        int whole = 1 + tokenizer.Encode(story[..600], bos: false, eos: false).Length;
        Assert.InRange(whole, 2, 511);
        Assert.Equal(whole, Captured(shortText, "short.safetensors"));
        Assert.Equal(512, Captured(SharedData.Path("data", "text", "tinystories_sample.txt"), "long.safetensors"));
    }

    [Fact]
    public void Bad_capture_arguments_are_clean_errors()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        string model = SharedData.Path("models", "stories260K", "stories260K.bin");
        string text = SharedData.Path("data", "text", "tinystories_sample.txt");
        Harness.AssertBadInput(Harness.Run("capture", "llama", "--model", model, "--text", text, "--tokens", "9999", "--out", dir.File("t.safetensors")), "--tokens: must be between 2 and the context length 512");
        Harness.AssertBadInput(Harness.Run("capture", "llama", "--model", model, "--text", text, "--dtype", "f8", "--out", dir.File("t.safetensors")), "--dtype: unknown dtype 'f8'");
        Harness.AssertBadInput(Harness.Run("capture", "llama", "--model", model, "--text", text, "--layers", "nope*", "--out", dir.File("t.safetensors")), "'nope*' matches no layer");
        Assert.Empty(dir.Files);
    }
}
