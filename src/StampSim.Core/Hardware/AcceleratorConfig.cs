using System.Text.Json.Serialization;
using StampSim.Config;

namespace StampSim.Hardware;

/// <summary>The sequence-transform (DWT) unit.</summary>
/// <param name="Lanes">Transform outputs per cycle (one add and one multiply each).</param>
/// <param name="Format">Arithmetic format.</param>
/// <param name="Buffer">Local buffer bytes: a block of 2^levels tokens (a stripe of the grid for 2-D) must fit, tiled along features.</param>
public sealed record DwtUnitConfig(int Lanes, NumberFormat Format, long Buffer);

/// <summary>The activation quantizer (min/max, scale, round).</summary>
/// <param name="Lanes">Elements per cycle.</param>
public sealed record QuantizerConfig(int Lanes);

/// <summary>The dequantisation epilogue (and bias) unit.</summary>
/// <param name="Lanes">Floating-point operations per cycle.</param>
public sealed record EpilogueConfig(int Lanes);

/// <summary>Off-chip memory.</summary>
/// <param name="Bandwidth">Bytes per second.</param>
/// <param name="LatencyNs">Access latency paid once per layer before the first tile arrives.</param>
public sealed record DramConfig(double Bandwidth, double LatencyNs);

/// <summary>
/// The accelerator around the MAC array (architecture, separate from the numerics): clock, the
/// transform, quantizer and epilogue units, on-chip buffers, DRAM and the energy table.
/// </summary>
public sealed record AcceleratorConfig
{
    /// <summary>Clock in GHz.</summary>
    public required double ClockGhz { get; init; }

    /// <summary>Cycle model.</summary>
    public CycleModel CycleModel { get; init; } = CycleModel.Stamp;

    /// <summary>Format of the layer's float inputs and outputs in DRAM (X in, Y out, bias).</summary>
    public NumberFormat IoFormat { get; init; } = NumberFormat.Fp16;

    /// <summary>The DWT unit.</summary>
    public required DwtUnitConfig DwtUnit { get; init; }

    /// <summary>The quantizer.</summary>
    public required QuantizerConfig Quantizer { get; init; }

    /// <summary>The epilogue unit.</summary>
    public required EpilogueConfig Epilogue { get; init; }

    /// <summary>On-chip buffers.</summary>
    [JsonConverter(typeof(BufferListJsonConverter))]
    public required IReadOnlyList<BufferConfig> Buffers { get; init; }

    /// <summary>DRAM.</summary>
    public required DramConfig Dram { get; init; }

    /// <summary>Energy per action.</summary>
    public required EnergyTable Energy { get; init; }

    /// <summary>DRAM bytes per clock cycle.</summary>
    public double DramBytesPerCycle => Dram.Bandwidth / (ClockGhz * 1e9);

    /// <summary>The buffer holding <paramref name="kind"/>.</summary>
    public BufferConfig BufferFor(TensorKind kind) => Buffers.First(b => b.Holds.Contains(kind));

    /// <summary>The root keys that describe the accelerator; when any is present, all required ones must be.</summary>
    public static readonly IReadOnlyList<string> Keys = ["clock_ghz", "cycle_model", "io_format", "dwt_unit", "quantizer", "epilogue", "buffers", "dram", "energy"];

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
        var buffers = bs.Keys.ToList().Select(name => BufferConfig.Read(name, bs.Section(name))).ToList();
        bs.RejectUnknownKeys();
        foreach (var kind in Enum.GetValues<TensorKind>())
        {
            var holders = buffers.Where(b => b.Holds.Contains(kind)).Select(b => b.Name).ToList();
            if (holders.Count != 1)
                throw new InputException($"{bs.Mark}: buffers: {ConfigNames.Of(kind)} must be held by exactly one buffer, found {(holders.Count == 0 ? "none" : string.Join(", ", holders))}");
        }

        var dr = s.Section("dram");
        var dram = new DramConfig(dr.RequiredParsed("bandwidth", Units.BytesPerSecond), dr.Double("latency_ns", 0, 0, 1e6));
        if (dram.Bandwidth <= 0) throw dr.Error("bandwidth", "must be positive");
        dr.RejectUnknownKeys();

        var result = new AcceleratorConfig
        {
            ClockGhz = s.RequiredParsed("clock_ghz", Units.Gigahertz),
            CycleModel = s.Enum("cycle_model", CycleModel.Stamp),
            IoFormat = s.Enum("io_format", NumberFormat.Fp16),
            DwtUnit = dwtUnit,
            Quantizer = quantizer,
            Epilogue = epilogue,
            Buffers = buffers,
            Dram = dram,
            Energy = EnergyTable.Read(s.Section("energy"), buffers.Select(b => b.Name).ToList()),
        };
        if (result.ClockGhz <= 0) throw s.Error("clock_ghz", "must be positive");
        return result;
    }
}
