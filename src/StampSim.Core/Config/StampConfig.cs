using System.Reflection;
using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Config;

/// <summary>A whole StampSim config file: numerics and the accelerator that runs them.</summary>
public sealed record StampConfig
{
    /// <summary>Config format version (only 1 exists).</summary>
    public int Version { get; init; } = 1;

    /// <summary>A short name used in report folder names.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Free text describing the design.</summary>
    public string? Description { get; init; }

    /// <summary>Numerics contract settings.</summary>
    public NumericsConfig Numerics { get; init; } = new();

    /// <summary>The MAC array.</summary>
    public MacArrayConfig MacArray { get; init; } = new();

    /// <summary>What the golden output depends on: the numerics and <c>mac_array.rows</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public GoldenSettings Golden => new(Numerics, MacArray.Rows);

    /// <summary>The numerics of a whole model's other operators (decode linears, attention, KV cache): <c>model:</c>.</summary>
    public ModelPolicy Model { get; init; } = new();

    /// <summary>The accelerator around the array; null for a numerics-only config (no cost model).</summary>
    /// <remarks>Its keys sit at the top level of the file; <c>ConfigJson.Effective</c> writes them there.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public Hardware.AcceleratorConfig? Accelerator { get; init; }

    /// <summary>Name of the config embedded in the assembly and used when no file is given.</summary>
    public const string DefaultResource = "edge-npu.yaml";

    /// <summary>Loads a config file (or the embedded default when <paramref name="path"/> is null) and applies overrides.</summary>
    public static StampConfig Load(string? path, IEnumerable<string>? overrides = null)
    {
        var (text, source) = ReadText(path);
        return Parse(text, source, overrides);
    }

    /// <summary>Parses config text and applies overrides.</summary>
    public static StampConfig Parse(string text, string source, IEnumerable<string>? overrides = null) =>
        FromTree(YamlConfigParser.ParseDocument(text, source), overrides);

    /// <summary>Reads a config from a parsed tree (left untouched) with overrides applied to a copy.</summary>
    public static StampConfig FromTree(ConfigMap root, IEnumerable<string>? overrides = null)
    {
        var tree = overrides is null ? root : root.DeepClone();
        if (overrides is not null) ConfigOverrides.Apply(tree, overrides);
        return Read(ConfigSection.Root(tree));
    }

    /// <summary>The text and source name of a config file, or of the embedded default when <paramref name="path"/> is null.</summary>
    public static (string Text, string Source) ReadText(string? path)
    {
        if (path is null) return (ReadEmbedded(DefaultResource), $"(embedded) {DefaultResource}");
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException($"{path}: config file not found");
        return (Io.StrictText.ReadFile(path), path);
    }

    /// <summary>Reads a config from its root section.</summary>
    public static StampConfig Read(ConfigSection s)
    {
        var d = new StampConfig();
        var result = new StampConfig
        {
            Version = s.Int("version", d.Version, 1, 1),
            Name = s.String("name", d.Name)!,
            Description = s.String("description", d.Description),
            Numerics = NumericsSection.Read(s.Section("numerics")),
            MacArray = MacArraySection.Read(s.Section("mac_array")),
            Model = ModelSection.Read(s.Section("model")),
            Accelerator = AcceleratorSection.IsPresent(s) ? AcceleratorSection.Read(s) : null,
        };
        s.RejectUnknownKeys();
        return result;
    }

    /// <summary>The text of a config embedded in the core assembly.</summary>
    public static string ReadEmbedded(string name)
    {
        var asm = typeof(StampConfig).Assembly;
        using var stream = asm.GetManifestResourceStream($"StampSim.hwconfigs.{name}")
            ?? throw new InputException($"no embedded config named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
