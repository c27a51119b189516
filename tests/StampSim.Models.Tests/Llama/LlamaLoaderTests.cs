using StampSim.Models.Llama;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Llama;

[Collection(ModelsCollection.Name)]
public sealed class LlamaLoaderTests(SharedModels models, ITestOutputHelper output)
{
    [Fact]
    public void BinAndSafetensorsGiveIdenticalConfigAndWeights()
    {
        if (SharedModels.Unavailable(output)) return;
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

    [Fact]
    public void ATruncatedCheckpointIsAnInputErrorNamingTheFile()
    {
        if (SharedModels.Unavailable(output)) return;
        var path = Path.Combine(Path.GetTempPath(), $"stampsim-truncated-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = File.ReadAllBytes(SharedModels.StoriesPath("stories260K.bin"));
            File.WriteAllBytes(path, bytes[..^4]);
            var e = Assert.Throws<InputException>(() => Llama2cCheckpoint.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("bytes", e.Message);
            File.WriteAllBytes(path, bytes[..20]);
            e = Assert.Throws<InputException>(() => Llama2cCheckpoint.Load(path));
            Assert.Contains("truncated while reading header vocab_size", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AConfigThatDisagreesWithTheTensorsIsAnInputErrorNamingTheTensor()
    {
        if (SharedModels.Unavailable(output)) return;
        var dir = Directory.CreateTempSubdirectory("stampsim-llama-");
        try
        {
            string config = File.ReadAllText(SharedModels.StoriesPath("config.json")).Replace("\"n_kv_heads\": 4", "\"n_kv_heads\": 8");
            File.WriteAllText(Path.Combine(dir.FullName, "config.json"), config);
            var e = Assert.Throws<InputException>(() => LlamaSafetensors.Load(SharedModels.StoriesPath("stories260K.safetensors"), Path.Combine(dir.FullName, "config.json")));
            Assert.Contains("layers.0.attention.wk.weight", e.Message);
        }
        finally { dir.Delete(recursive: true); }
    }
}
