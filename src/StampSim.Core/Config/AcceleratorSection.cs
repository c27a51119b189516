using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Config;

/// <summary>
/// Reads the accelerator description of a config: the architecture keys at its root
/// (<see cref="Keys"/>), the buffers and the energy table, into <see cref="AcceleratorConfig"/>.
/// </summary>
public static class AcceleratorSection
{
    /// <summary>The root keys that describe the accelerator; when any is present, all required ones must be.</summary>
    public static readonly IReadOnlyList<string> Keys = ["clock_ghz", "cycle_model", "io_format", "dwt_unit", "quantizer", "epilogue", "buffers", "dram", "energy", "mapping", "vector_unit"];

    /// <summary>True when a config describes an accelerator (any architecture key is present).</summary>
    public static bool IsPresent(ConfigSection root) => root.Keys.Any(k => Keys.Contains(k));

    /// <summary>Reads the architecture keys of the root section; every one is required.</summary>
    public static AcceleratorConfig Read(ConfigSection s)
    {
        var dwt = s.Section("dwt_unit");
        var dwtUnit = new DwtUnitConfig(dwt.RequiredInt("lanes", 1, 1 << 20), dwt.RequiredEnum<NumberFormat>("format"), dwt.RequiredParsed("buffer", Units.Bytes));
        dwt.RejectUnknownKeys();
        var q = s.Section("quantizer");
        var quantizer = new QuantizerConfig(q.RequiredInt("lanes", 1, 1 << 20));
        q.RejectUnknownKeys();
        var ep = s.Section("epilogue");
        var epilogue = new EpilogueConfig(ep.RequiredInt("lanes", 1, 1 << 20));
        ep.RejectUnknownKeys();

        var bs = s.Section("buffers");
        if (!bs.Exists) throw new InputException($"{s.Mark}: missing required key 'buffers'");
        var buffers = bs.Keys.ToList().Select(name => ReadBuffer(name, bs.Section(name))).ToList();
        bs.RejectUnknownKeys();
        foreach (var kind in Enum.GetValues<TensorKind>())
        {
            var holders = buffers.Where(b => b.Holds.Contains(kind)).Select(b => b.Name).ToList();
            if (holders.Count != 1)
                throw new InputException($"{bs.Mark}: buffers: {ConfigNames.Of(kind)} must be held by exactly one buffer, found {(holders.Count == 0 ? "none" : string.Join(", ", holders))}");
        }

        var dr = s.Section("dram");
        var dram = new DramConfig(dr.RequiredParsed("bandwidth", Units.BytesPerSecond), dr.Double("latency_ns", 0, 0, 1e6),
            dr.Parsed<long?>("capacity", null, text => Units.Bytes(text)));
        if (dram.Bandwidth <= 0) throw dr.Error("bandwidth", "must be positive");
        PhysicalRange.DramBandwidth.Check(dr, "bandwidth", dram.Bandwidth);
        if (dram.Capacity <= 0) throw dr.Error("capacity", "must be positive");
        if (dram.Capacity is long capacity) PhysicalRange.DramCapacity.Check(dr, "capacity", capacity);
        dr.RejectUnknownKeys();

        var result = new AcceleratorConfig
        {
            ClockGhz = s.RequiredParsed("clock_ghz", Units.Gigahertz),
            CycleModel = s.Parsed("cycle_model", CycleModels.Stamp, CycleModels.Check),
            IoFormat = s.Enum("io_format", NumberFormat.Fp16),
            DwtUnit = dwtUnit,
            Quantizer = quantizer,
            Epilogue = epilogue,
            Buffers = new BufferList(buffers),
            Dram = dram,
            Energy = ReadEnergy(s.Section("energy"), buffers.Select(b => b.Name).ToList()),
            Mapping = ReadMapping(s.Section("mapping")),
            VectorUnit = ReadVectorUnit(s.Section("vector_unit")),
        };
        if (result.ClockGhz <= 0) throw s.Error("clock_ghz", "must be positive");
        PhysicalRange.Clock.Check(s, "clock_ghz", result.ClockGhz);
        return result;
    }

    /// <summary>The optional <c>vector_unit</c> section: lanes, format and the sourced energy of an add and a multiply.</summary>
    private static VectorUnitConfig? ReadVectorUnit(ConfigSection s)
    {
        if (!s.Exists) return null;
        var e = s.Section("energy");
        if (!e.Exists) throw new InputException($"{s.Mark}: vector_unit: missing required key 'energy' (add and mul, each with pj, node and source)");
        PricedOp Op(string name)
        {
            var o = e.Section(name);
            if (!o.Exists) throw new InputException($"{e.Mark}: vector_unit.energy: missing entry '{name}' (pj, node and source)");
            var op = new PricedOp(o.RequiredDouble("pj", 0, 1e9), o.RequiredString("node"), o.RequiredString("source"));
            o.RejectUnknownKeys();
            return op;
        }
        var unit = new VectorUnitConfig(s.RequiredInt("lanes", 1, 1 << 20), s.RequiredEnum<NumberFormat>("format"), new VectorEnergy(Op("add"), Op("mul")));
        e.RejectUnknownKeys();
        s.RejectUnknownKeys();
        return unit;
    }

    /// <summary>
    /// The optional <c>mapping</c> section: the search's <c>objective</c>, or a tiling used for every layer
    /// instead of the search (<c>loop_order</c>, <c>tile_tokens</c>, <c>tile_outputs</c>, all three).
    /// </summary>
    private static MappingSettings ReadMapping(ConfigSection s)
    {
        // Has marks every key as known, so a typo of any of them gets its "did you mean".
        bool given = GivenMappingKeys.Count(s.Has) > 0;
        var settings = new MappingSettings { Objective = s.Enum("objective", MappingObjective.CyclesThenEnergy) };
        if (given)
        {
            if (s.Has("objective"))
                throw s.Error("objective", "chooses among the mappings the search tries; a given mapping (loop_order, tile_tokens, tile_outputs) is not searched: give one or the other");
            settings = settings with
            {
                Given = new GivenMapping(s.RequiredEnum<LoopOrder>("loop_order"), s.RequiredInt("tile_tokens", 1, 1 << 30), s.RequiredInt("tile_outputs", 1, 1 << 30)),
            };
        }
        s.RejectUnknownKeys();
        return settings;
    }

    private static readonly string[] GivenMappingKeys = ["loop_order", "tile_tokens", "tile_outputs"];

    /// <summary>Reads one buffer section.</summary>
    private static BufferConfig ReadBuffer(string name, ConfigSection s)
    {
        var holds = s.List<TensorKind>("holds", [], text => ConfigNames.TryParse<TensorKind>(text, out var k)
            ? k : throw new FormatException($"unknown tensor '{text}' (expected one of: {string.Join(", ", ConfigNames.All<TensorKind>())})"));
        if (holds.Count == 0) throw s.Error("holds", "list the tensors this buffer holds (activations, weights, outputs)");
        var result = new BufferConfig(
            name,
            s.RequiredParsed("capacity", Units.Bytes),
            holds,
            s.RequiredParsed("read_bandwidth", Units.BytesPerCycle),
            s.RequiredParsed("write_bandwidth", Units.BytesPerCycle),
            s.Bool("double_buffered", true));
        if (result.Capacity <= 0) throw s.Error("capacity", "must be positive");
        if (result.ReadBandwidth <= 0) throw s.Error("read_bandwidth", "must be positive");
        if (result.WriteBandwidth <= 0) throw s.Error("write_bandwidth", "must be positive");
        PhysicalRange.BufferCapacity.Check(s, "capacity", result.Capacity);
        PhysicalRange.PortBandwidth.Check(s, "read_bandwidth", result.ReadBandwidth);
        PhysicalRange.PortBandwidth.Check(s, "write_bandwidth", result.WriteBandwidth);
        s.RejectUnknownKeys();
        return result;
    }

    /// <summary>Reads the <c>energy</c> section: a mapping of action to {pj, node, source}.</summary>
    private static EnergyTable ReadEnergy(ConfigSection s, IReadOnlyList<string> bufferNames)
    {
        var required = EnergyAction.Required(bufferNames).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var entries = new List<EnergyEntry>();
        foreach (var name in s.Keys.ToList())
        {
            if (!required.TryGetValue(name, out var action))
                continue; // reported as unknown below, with a suggestion
            var e = s.Section(name);
            entries.Add(new EnergyEntry(action, e.RequiredDouble("pj", 0, 1e9), e.RequiredString("node"), e.RequiredString("source")));
            e.RejectUnknownKeys();
        }
        foreach (var name in required.Keys)
            if (!s.Has(name))
            {
                s.ThrowIfMisspelled(name);
                throw new InputException($"{s.Mark}: energy: missing entry '{name}' (every action needs pj, node and source; there is no default energy)");
            }
        s.RejectUnknownKeys();
        return new EnergyTable(entries);
    }
}
