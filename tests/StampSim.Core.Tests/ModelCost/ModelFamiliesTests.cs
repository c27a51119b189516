using System.Text.RegularExpressions;
using StampSim.ModelCost;
using StampSim.Tests.Support;

namespace StampSim.Tests.ModelCost;

public class ModelFamiliesTests
{
    private const string Tiny = """{"model_type": "t5", "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2}""";

    [Fact]
    public void Built_in_families_read_their_model_types()
    {
        Assert.Equal(["decoder", "moe", "vit", "dit"], ModelFamilies.BuiltIn.All.Select(f => f.Name));
        Assert.Equal(["llama", "mistral", "qwen2", "qwen3", "gemma", "mixtral", "qwen2_moe", "deepseek", "vit", "pixart_dit"], ModelFamilies.BuiltIn.ModelTypes);
        Assert.IsType<MoeFamily>(ArchitectureReader.Load("mixtral-8x7b").Family);
        Assert.IsType<DitFamily>(ArchitectureReader.Load("pixart-sigma-xl-2-1024").Family);
    }

    [Fact]
    public void An_unknown_model_type_or_family_is_refused_with_the_known_ones()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureReader.Parse(Tiny, "tiny.json", "tiny"));
        Assert.Equal("tiny.json: model_type: 't5' is not supported (llama, mistral, qwen2, qwen3, gemma, mixtral, qwen2_moe, deepseek, vit, pixart_dit)", e.Message);
        var f = Assert.Throws<InputException>(() => ModelFamilies.BuiltIn.For("encoder_decoder"));
        Assert.Equal("unknown model family 'encoder_decoder' (expected one of: decoder, moe, vit, dit)", f.Message);
    }

    [Fact]
    public void With_returns_a_new_registry_and_refuses_a_taken_name_or_model_type()
    {
        Assert.Throws<ArgumentException>(() => ModelFamilies.BuiltIn.With(new DecoderFamily()));
        Assert.DoesNotContain("t5", ModelFamilies.BuiltIn.ModelTypes);
    }

    [Fact]
    public void Presets_are_the_embedded_preset_files_and_the_readme_lists_them()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.RepoRoot(), "src", "StampSim.Core", "ModelCost", "Presets"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(files, ArchitectureReader.Presets);
        Assert.All(ArchitectureReader.Presets, p => Assert.Equal(p, ArchitectureReader.Load(p).Name));
        string readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot(), "README.md"));
        var listed = Regex.Match(readme, @"Presets \(the files in[^:]*:((?:\s*`[^`]+`,?)+)").Groups[1].Value;
        Assert.Equal(ArchitectureReader.Presets, Regex.Matches(listed, "`([^`]+)`").Select(m => m.Groups[1].Value));
    }
}
