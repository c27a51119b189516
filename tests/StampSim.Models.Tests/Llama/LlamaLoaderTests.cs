using StampSim.Models.Llama;
using StampSim.Tests.Support;

namespace StampSim.Tests.Llama;

[Collection(ModelsCollection.Name)]
public sealed class LlamaLoaderTests(SharedModels models)
{
    [SkippableFact]
    public void Bin_and_safetensors_give_identical_config_and_weights()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var bin = models.Llama!;
        var st = LlamaSafetensors.Load(SharedModels.StoriesPath("stories260K.safetensors"));
        Assert.Equal(bin.Config, st.Config);
        Assert.Equal(new LlamaConfig(64, 172, 5, 8, 4, 512, 512, true), bin.Config);
        Assert.Same(bin.Weights.TokenEmbedding, bin.Weights.Classifier);
        Assert.Same(st.Weights.TokenEmbedding, st.Weights.Classifier);
        var a = bin.Weights.Named().ToArray();
        var b = st.Weights.Named().ToArray();
        Assert.Equal(47, a.Length);
        Assert.Equal(a.Select(t => t.Name), b.Select(t => t.Name));
        for (int i = 0; i < a.Length; i++)
            Assert.True(a[i].Data.AsSpan().SequenceEqual(b[i].Data), a[i].Name);
    }

    [SkippableFact]
    public void A_truncated_checkpoint_is_an_input_error_naming_the_file()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        var path = dir.File("truncated.bin");
        var bytes = File.ReadAllBytes(SharedModels.StoriesPath("stories260K.bin"));
        File.WriteAllBytes(path, bytes[..^4]);
        var e = Assert.Throws<InputException>(() => Llama2cCheckpoint.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("bytes", e.Message);
        File.WriteAllBytes(path, bytes[..20]);
        e = Assert.Throws<InputException>(() => Llama2cCheckpoint.Load(path));
        Assert.Contains("truncated while reading header vocab_size", e.Message);
    }

    [SkippableFact]
    public void A_config_that_disagrees_with_the_tensors_is_an_input_error_naming_the_tensor()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        string config = File.ReadAllText(SharedModels.StoriesPath("config.json")).Replace("\"n_kv_heads\": 4", "\"n_kv_heads\": 8");
        File.WriteAllText(Path.Combine(dir.Root, "config.json"), config);
        var e = Assert.Throws<InputException>(() => LlamaSafetensors.Load(SharedModels.StoriesPath("stories260K.safetensors"), Path.Combine(dir.Root, "config.json")));
        Assert.Contains("layers.0.attention.wk.weight", e.Message);
    }
}
