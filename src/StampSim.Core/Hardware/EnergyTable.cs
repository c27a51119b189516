using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Hardware;

/// <summary>Energy of one action, with the technology node and where the number comes from.</summary>
/// <param name="Action">The action (its <see cref="EnergyAction.Name"/> is the table key, e.g. <c>mac_int4</c>, <c>act_buffer_read</c>).</param>
/// <param name="Pj">Picojoules per action (per byte for memory actions).</param>
/// <param name="Node">Technology node, e.g. <c>45nm</c>.</param>
/// <param name="Source">Citation.</param>
public sealed record EnergyEntry(EnergyAction Action, double Pj, string Node, string Source);

/// <summary>
/// The energy table: one entry per action, each with pJ, node and source. Every action the cost
/// model counts must be present — there is no default energy (Timeloop's silent 1 pJ is a known trap).
/// </summary>
[JsonConverter(typeof(EnergyTableJsonConverter))]
public sealed class EnergyTable
{
    private readonly Dictionary<EnergyAction, EnergyEntry> _entries;

    /// <summary>Creates a table from entries (in the order given).</summary>
    public EnergyTable(IEnumerable<EnergyEntry> entries)
    {
        Entries = entries.ToArray();
        _entries = Entries.ToDictionary(e => e.Action);
        Hash = ComputeHash(Entries);
    }

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<EnergyEntry> Entries { get; }

    /// <summary>Short SHA-256 of the table's canonical form (actions sorted; pJ, node, source).</summary>
    public string Hash { get; }

    /// <summary>pJ per action.</summary>
    public double this[EnergyAction action] => _entries[action].Pj;

    /// <summary>True when the table has <paramref name="action"/>.</summary>
    public bool Contains(EnergyAction action) => _entries.ContainsKey(action);


    private static string ComputeHash(IEnumerable<EnergyEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries.OrderBy(e => e.Action.Name, StringComparer.Ordinal))
            sb.Append(e.Action.Name).Append('\t').Append(e.Pj.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
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
            writer.WriteStartObject(e.Action.Name);
            writer.WriteNumber("pj", e.Pj);
            writer.WriteString("node", e.Node);
            writer.WriteString("source", e.Source);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
