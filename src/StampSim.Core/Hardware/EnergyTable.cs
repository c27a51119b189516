using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StampSim.Config;

namespace StampSim.Hardware;

/// <summary>Energy of one action, with the technology node and where the number comes from.</summary>
/// <param name="Action">Action name (e.g. <c>mac_int4</c>, <c>dram_read</c>, <c>act_buffer_read</c>).</param>
/// <param name="Pj">Picojoules per action (per byte for memory actions).</param>
/// <param name="Node">Technology node, e.g. <c>45nm</c>.</param>
/// <param name="Source">Citation.</param>
public sealed record EnergyEntry(string Action, double Pj, string Node, string Source);

/// <summary>
/// The energy table: one entry per action, each with pJ, node and source. Every action the cost
/// model counts must be present — there is no default energy (Timeloop's silent 1 pJ is a known trap).
/// </summary>
[JsonConverter(typeof(EnergyTableJsonConverter))]
public sealed class EnergyTable
{
    /// <summary>Actions that do not depend on the buffer names.</summary>
    public static readonly IReadOnlyList<string> FixedActions =
        ["mac_int4", "mac_int8_token", "dwt_add", "dwt_mul", "quant_op", "epilogue_op", "dram_read", "dram_write"];

    private readonly Dictionary<string, EnergyEntry> _entries;

    /// <summary>Creates a table from entries (in the order given).</summary>
    public EnergyTable(IEnumerable<EnergyEntry> entries)
    {
        Entries = entries.ToArray();
        _entries = Entries.ToDictionary(e => e.Action, StringComparer.Ordinal);
        Hash = ComputeHash(Entries);
    }

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<EnergyEntry> Entries { get; }

    /// <summary>Short SHA-256 of the table's canonical form (actions sorted; pJ, node, source).</summary>
    public string Hash { get; }

    /// <summary>The action names the cost model needs for a design with these buffers.</summary>
    public static IEnumerable<string> RequiredActions(IEnumerable<string> bufferNames) =>
        FixedActions.Concat(bufferNames.SelectMany(b => new[] { $"{b}_read", $"{b}_write" }));

    /// <summary>pJ per action.</summary>
    public double this[string action] => _entries[action].Pj;

    /// <summary>True when the table has <paramref name="action"/>.</summary>
    public bool Contains(string action) => _entries.ContainsKey(action);

    /// <summary>Reads the <c>energy</c> section: a mapping of action to {pj, node, source}.</summary>
    public static EnergyTable Read(ConfigSection s, IReadOnlyList<string> bufferNames)
    {
        var required = RequiredActions(bufferNames).ToList();
        var entries = new List<EnergyEntry>();
        foreach (var action in s.Keys.ToList())
        {
            if (!required.Contains(action))
                continue; // reported as unknown below, with a suggestion
            var e = s.Section(action);
            entries.Add(new EnergyEntry(action, e.RequiredDouble("pj", 0, 1e9), e.RequiredString("node"), e.RequiredString("source")));
            e.RejectUnknownKeys();
        }
        foreach (var action in required)
            if (!s.Has(action))
            {
                s.ThrowIfMisspelled(action);
                throw new InputException($"{s.Mark}: energy: missing entry '{action}' (every action needs pj, node and source; there is no default energy)");
            }
        s.RejectUnknownKeys();
        return new EnergyTable(entries);
    }

    private static string ComputeHash(IEnumerable<EnergyEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries.OrderBy(e => e.Action, StringComparer.Ordinal))
            sb.Append(e.Action).Append('\t').Append(e.Pj.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
              .Append('\t').Append(e.Node).Append('\t').Append(e.Source).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}

/// <summary>Writes the energy table as the YAML mapping it is read from.</summary>
public sealed class EnergyTableJsonConverter : JsonConverter<EnergyTable>
{
    /// <inheritdoc />
    public override EnergyTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("energy tables are read from YAML");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EnergyTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var e in value.Entries)
        {
            writer.WriteStartObject(e.Action);
            writer.WriteNumber("pj", e.Pj);
            writer.WriteString("node", e.Node);
            writer.WriteString("source", e.Source);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
