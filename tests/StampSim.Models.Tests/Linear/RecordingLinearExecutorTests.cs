using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Linear;

[Collection(ModelsCollection.Name)]
public sealed class RecordingLinearExecutorTests(SharedModels models)
{
    [SkippableFact]
    public void Records_every_LM_layer_once_and_shares_qkv_and_gate_up_inputs()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var recorder = new RecordingLinearExecutor(new Float32LinearExecutor());
        var logits = models.Llama!.Forward([1, 403, 407, 261, 378], recorder);
        Assert.Equal(logits.Data, models.Llama.Forward([1, 403, 407, 261, 378], new Float32LinearExecutor()).Data);

        var calls = recorder.Calls;
        Assert.Equal(5 * 7 + 1, calls.Count);
        Assert.Equal(5 * 4 + 1, recorder.Activations.Count);
        Assert.Equal(["layers.0.attention.wq", "layers.0.attention.wk", "layers.0.attention.wv", "layers.0.attention.wo",
            "layers.0.feed_forward.w1", "layers.0.feed_forward.w3", "layers.0.feed_forward.w2"], calls.Take(7).Select(c => c.Call.Name));
        Assert.Equal([LinearKind.AttnQ, LinearKind.AttnK, LinearKind.AttnV, LinearKind.AttnO, LinearKind.MlpGate, LinearKind.MlpUp, LinearKind.MlpDown],
            calls.Take(7).Select(c => c.Call.Kind));
        Assert.Equal([false, true, true, false, false, true, false], calls.Take(7).Select(c => c.SharesInput));
        Assert.Equal(calls[0].ActivationIndex, calls[2].ActivationIndex);
        Assert.Same(calls[4].Call.X, calls[5].Call.X);
        var head = calls[^1].Call;
        Assert.Equal(("output", LinearKind.LmHead, (int?)null, "lm_head"), (head.Name, head.Kind, head.Block, head.Kind.Name()));
        Assert.Equal(4, calls[^2].Call.Block);
    }

    [SkippableFact]
    public void Records_every_ViT_layer_with_the_grid_and_the_CLS_prefix()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var vit = models.Vit!;
        var recorder = new RecordingLinearExecutor(new Float32LinearExecutor());
        vit.Forward(VitImage.Load(SharedModels.ImagePath("coffee.png"), vit.Config), recorder);

        var calls = recorder.Calls.Select(c => c.Call).ToArray();
        Assert.Equal(1 + 12 * 6 + 1, calls.Length);
        Assert.Equal(1 + 12 * 4 + 1, recorder.Activations.Count);
        Assert.Equal(("vit.embeddings.patch_embeddings.projection", LinearKind.PatchEmbed, new TokenGrid(14, 14), 0, 196, 768),
            (calls[0].Name, calls[0].Kind, calls[0].Grid, calls[0].PrefixTokens, calls[0].Tokens, calls[0].Features));
        Assert.Equal(["vit.encoder.layer.3.attention.attention.query", "vit.encoder.layer.3.attention.attention.key",
            "vit.encoder.layer.3.attention.attention.value", "vit.encoder.layer.3.attention.output.dense",
            "vit.encoder.layer.3.intermediate.dense", "vit.encoder.layer.3.output.dense"], calls.Skip(1 + 3 * 6).Take(6).Select(c => c.Name));
        Assert.All(calls[1..^1], c => Assert.Equal((new TokenGrid(14, 14), 1, 197), (c.Grid, c.PrefixTokens, c.Tokens)));
        Assert.Equal(("classifier", LinearKind.Classifier, (TokenGrid?)null, 1, 200), (calls[^1].Name, calls[^1].Kind, calls[^1].Grid, calls[^1].Tokens, calls[^1].Outputs));
    }

    [Fact]
    public void A_call_batching_several_sequences_is_refused_because_a_trace_layer_is_one_sequence()
    {
        var recorder = new RecordingLinearExecutor(new Float32LinearExecutor());
        var call = new LinearCall("fc", LinearKind.MlpFc1, 0, new StampSim.Tensors.Matrix<float>(3, 2), new StampSim.Tensors.Matrix<float>(4, 2), null,
            sequences: new StampSim.Tensors.SequenceBatch([1, 2]));
        Assert.Contains("cannot be recorded", Assert.Throws<ArgumentException>(() => recorder.Linear(call)).Message);
        Assert.Empty(recorder.Calls);
    }
}
