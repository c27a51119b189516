using StampSim.Io;

namespace StampSim.ModelCost;

/// <summary>
/// Reads a <see cref="ModelArchitecture"/> from a Hugging Face <c>config.json</c> or from an embedded
/// preset (<c>ModelCost/Presets/*.json</c>, in the same form); its <c>model_type</c> picks the
/// <see cref="ModelFamily"/> that reads the rest. A missing or inconsistent key is an
/// <see cref="InputException"/> naming the file and the key.
/// </summary>
public static class ArchitectureReader
{
    private const string PresetPrefix = "StampSim.presets.", PresetSuffix = ".json";

    /// <summary>The embedded presets, by name (the preset files' names), in ordinal order.</summary>
    public static IReadOnlyList<string> Presets { get; } = typeof(ArchitectureReader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(PresetPrefix, StringComparison.Ordinal) && n.EndsWith(PresetSuffix, StringComparison.Ordinal))
        .Select(n => n[PresetPrefix.Length..^PresetSuffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A preset by name, a <c>config.json</c> path or a model folder holding one, read by the families of <paramref name="families"/> (default: the built-in ones).</summary>
    /// <exception cref="InputException">Unknown preset, unreadable file, an unknown <c>model_type</c> or a bad key.</exception>
    public static ModelArchitecture Load(string presetOrPath, ModelFamilies? families = null)
    {
        if (Presets.Contains(presetOrPath)) return Parse(ReadPreset(presetOrPath), $"(preset) {presetOrPath}", presetOrPath, families);
        // A Hugging Face model folder holds its config.json.
        if (Directory.Exists(presetOrPath))
        {
            string inside = Path.Combine(presetOrPath, "config.json");
            if (!File.Exists(inside)) throw new InputException($"--arch: folder '{presetOrPath}' holds no config.json");
            presetOrPath = inside;
        }
        if (!File.Exists(presetOrPath))
            throw new InputException($"--arch: '{presetOrPath}' is neither a preset ({string.Join(", ", Presets)}) nor a config.json file or a folder holding one");
        return Read(HfConfigJson.Read(presetOrPath), Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(presetOrPath))) ?? presetOrPath, families);
    }

    /// <summary>Parses config.json text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InputException">Not JSON, an unknown <c>model_type</c>, or a missing or inconsistent key.</exception>
    public static ModelArchitecture Parse(string json, string source, string name, ModelFamilies? families = null) =>
        Read(HfConfigJson.Parse(json, source), name, families);

    private static ModelArchitecture Read(HfConfigJson keys, string name, ModelFamilies? families)
    {
        string type = keys.String("model_type");
        var arch = (families ?? ModelFamilies.BuiltIn).ForModelType(type, keys.File).Read(keys, name, type);
        if (arch.Heads % arch.KvHeads != 0)
            throw new InputException($"{keys.File}: num_key_value_heads: {arch.KvHeads} KV heads do not divide {arch.Heads} attention heads");
        return arch;
    }

    private static string ReadPreset(string name)
    {
        using var stream = typeof(ArchitectureReader).Assembly.GetManifestResourceStream(PresetPrefix + name + PresetSuffix)
            ?? throw new InputException($"no embedded preset named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
