using System.Text;
using System.Text.Json;

namespace StampSim.Inference;

/// <summary>
/// Reads a <see cref="ModelArchitecture"/> from a Hugging Face <c>config.json</c> (<c>llama</c>, <c>mistral</c>,
/// <c>qwen2</c>, <c>vit</c>, and StampSim's <c>pixart_dit</c>) or from an embedded preset. A missing or
/// inconsistent key is an <see cref="InputException"/> naming the file and the key.
/// </summary>
public static class ArchitectureReader
{
    /// <summary>The embedded presets.</summary>
    public static IReadOnlyList<string> Presets { get; } =
        ["llama-3-8b", "llama-2-7b", "qwen2.5-7b", "vit-b-16", "pixart-sigma-xl-2-1024", "stories260K", "vit-tiny"];

    /// <summary>A preset by name, or a <c>config.json</c> path.</summary>
    /// <exception cref="InputException">Unknown preset, unreadable file or a bad key.</exception>
    public static ModelArchitecture Load(string presetOrPath)
    {
        if (Presets.Contains(presetOrPath)) return Parse(ReadPreset(presetOrPath), $"(preset) {presetOrPath}", presetOrPath);
        if (!File.Exists(presetOrPath))
            throw new InputException($"--arch: '{presetOrPath}' is neither a preset ({string.Join(", ", Presets)}) nor a config.json file");
        byte[] bytes = Io.InputFile.ReadAllBytes(presetOrPath);
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { throw new InputException($"{presetOrPath}: not UTF-8 text"); }
        return Parse(text, presetOrPath, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(presetOrPath))) ?? presetOrPath);
    }

    /// <summary>Parses config.json text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InputException">Not JSON, an unknown <c>model_type</c>, or a missing or inconsistent key.</exception>
    public static ModelArchitecture Parse(string json, string source, string name)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{source}: expected a JSON object");
        var keys = new ConfigJsonKeys(root, source);
        string type = keys.String("model_type");
        var arch = type switch
        {
            "llama" or "mistral" or "qwen2" => Decoder(keys, name, type),
            "vit" => Vit(keys, name),
            "pixart_dit" => Dit(keys, name),
            _ => throw new InputException($"{source}: model_type: '{type}' is not supported (llama, mistral, qwen2, vit, pixart_dit)"),
        };
        if (arch.Hidden % arch.Heads != 0)
            throw new InputException($"{source}: num_attention_heads: {arch.Heads} heads do not divide hidden_size {arch.Hidden}");
        if (arch.Heads % arch.KvHeads != 0)
            throw new InputException($"{source}: num_key_value_heads: {arch.KvHeads} KV heads do not divide {arch.Heads} attention heads");
        return arch;
    }

    private static ModelArchitecture Decoder(ConfigJsonKeys k, string name, string type)
    {
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, ModelFamily.Decoder, k.Positive("hidden_size"), k.Positive("intermediate_size"),
            k.Positive("num_hidden_layers"), heads, k.Positive("num_key_value_heads", heads), k.Positive("vocab_size"),
            QkvBias: type == "qwen2" || k.Bool("attention_bias", false), GatedMlp: true, Tokens: 0, PatchInputs: 0, OutputsPerToken: 0,
            TextTokens: 0, TextChannels: 0, Source: k.Source);
    }

    private static ModelArchitecture Vit(ConfigJsonKeys k, string name)
    {
        int image = k.Positive("image_size"), patch = k.Positive("patch_size"), channels = k.Positive("num_channels", 3);
        if (image % patch != 0) throw new InputException($"{k.Source}: patch_size: {patch} does not divide image_size {image}");
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, ModelFamily.Vit, k.Positive("hidden_size"), k.Positive("intermediate_size"), k.Positive("num_hidden_layers"),
            heads, heads, k.Positive("num_labels", 1000), k.Bool("qkv_bias", true), GatedMlp: false, Tokens: (image / patch) * (image / patch) + 1,
            PatchInputs: channels * patch * patch, OutputsPerToken: 0, TextTokens: 0, TextChannels: 0, Source: k.Source);
    }

    private static ModelArchitecture Dit(ConfigJsonKeys k, string name)
    {
        int sample = k.Positive("sample_size"), patch = k.Positive("patch_size");
        if (sample % patch != 0) throw new InputException($"{k.Source}: patch_size: {patch} does not divide sample_size {sample}");
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, ModelFamily.Dit, k.Positive("hidden_size"), k.Positive("intermediate_size"), k.Positive("num_hidden_layers"),
            heads, heads, Vocab: 0, QkvBias: true, GatedMlp: false, Tokens: (sample / patch) * (sample / patch),
            PatchInputs: k.Positive("in_channels") * patch * patch, OutputsPerToken: k.Positive("out_channels") * patch * patch,
            TextTokens: k.Positive("text_tokens"), TextChannels: k.Positive("caption_channels"), Source: k.Source);
    }

    private static string ReadPreset(string name)
    {
        using var stream = typeof(ArchitectureReader).Assembly.GetManifestResourceStream($"StampSim.presets.{name}.json")
            ?? throw new InputException($"no embedded preset named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
