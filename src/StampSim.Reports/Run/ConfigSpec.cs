using System.Text.Json;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Reports.Provenance;

namespace StampSim.Reports.Run;

/// <summary>
/// One accelerator config of a run: where it came from, its hashes, and the loaded config with the
/// run's <c>--set</c> overrides applied.
/// </summary>
/// <param name="Label">Unique name within the run (the config's <c>name</c>, suffixed when two share one); names plots and CSV rows.</param>
/// <param name="Source">The file as given, or <c>(embedded) edge-npu.yaml</c>.</param>
/// <param name="FileSha256">SHA-256 of the config file's bytes (before overrides).</param>
/// <param name="Overrides">The <c>--set key=value</c> overrides applied.</param>
/// <param name="Config">The loaded config.</param>
public sealed record ConfigSpec(string Label, string Source, string FileSha256, IReadOnlyList<string> Overrides, StampConfig Config)
{
    /// <summary>The accelerator (every report config has one; <see cref="Load"/> checks).</summary>
    public AcceleratorConfig Accelerator => Config.Accelerator!;

    /// <summary>The effective configuration, every key with defaults filled in, as <c>stampsim layer --metrics</c> writes it.</summary>
    public System.Text.Json.Nodes.JsonObject EffectiveJson() => ConfigJson.Effective(Config);

    /// <summary>SHA-256 of the effective configuration's JSON: changes with any override, unlike <see cref="FileSha256"/>.</summary>
    public string EffectiveSha256 => Sha256.OfText(EffectiveJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    /// <summary>Loads configs (the embedded default when <paramref name="paths"/> is empty) and gives each a unique label.</summary>
    /// <exception cref="InputException">A config cannot be read, is invalid, or has no accelerator description.</exception>
    public static IReadOnlyList<ConfigSpec> LoadAll(IReadOnlyList<string> paths, IReadOnlyList<string> overrides)
    {
        var specs = paths.Count == 0 ? [Load(null, overrides)] : paths.Select(p => Load(p, overrides)).ToList();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<ConfigSpec>();
        foreach (var spec in specs)
        {
            string baseLabel = spec.Label, label = baseLabel;
            for (int k = 2; !used.Add(label); k++) label = $"{baseLabel}-{k}";
            result.Add(spec with { Label = label });
        }
        return result;
    }

    /// <summary>Loads one config; null loads the embedded default.</summary>
    /// <exception cref="InputException">The config cannot be read, is invalid, or has no accelerator description.</exception>
    public static ConfigSpec Load(string? path, IReadOnlyList<string> overrides)
    {
        var config = StampConfig.Load(path, overrides);
        string source = path ?? $"(embedded) {StampConfig.DefaultResource}";
        if (config.Accelerator is null)
            throw new InputException($"{source}: the config has no accelerator description (clock_ghz, dwt_unit, quantizer, epilogue, buffers, dram, energy); a report needs the cost model (see hwconfigs/)");
        string hash = path is null ? Sha256.OfText(StampConfig.ReadEmbedded(StampConfig.DefaultResource)) : Sha256.OfFile(path);
        return new ConfigSpec(SafeLabel(config.Name), source, hash, overrides, config);
    }

    // Labels end up in file names: keep letters, digits, '.', '_' and '-'.
    private static string SafeLabel(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
        string label = new string(chars).Trim('.');
        return label.Length == 0 ? "config" : label;
    }
}
