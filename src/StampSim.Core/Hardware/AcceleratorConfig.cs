using System.Text.Json.Serialization;

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
/// <param name="Capacity">Bytes the DRAM holds (<c>dram.capacity</c>); null when the config does not say, and then nothing checks what fits.</param>
public sealed record DramConfig(double Bandwidth, double LatencyNs, long? Capacity = null);

/// <summary>
/// The accelerator around the MAC array (architecture, separate from the numerics): clock, the
/// transform, quantizer and epilogue units, on-chip buffers, DRAM and the energy table.
/// </summary>
public sealed record AcceleratorConfig
{
    /// <summary>Clock in GHz.</summary>
    public required double ClockGhz { get; init; }

    /// <summary>The cycle model's name (<see cref="CycleModels"/>).</summary>
    public string CycleModel { get; init; } = CycleModels.Stamp;

    /// <summary>Format of the layer's float inputs and outputs in DRAM (X in, Y out, bias).</summary>
    public NumberFormat IoFormat { get; init; } = NumberFormat.Fp16;

    /// <summary>The DWT unit.</summary>
    public required DwtUnitConfig DwtUnit { get; init; }

    /// <summary>The quantizer.</summary>
    public required QuantizerConfig Quantizer { get; init; }

    /// <summary>The epilogue unit.</summary>
    public required EpilogueConfig Epilogue { get; init; }

    /// <summary>On-chip buffers.</summary>
    public required BufferList Buffers { get; init; }

    /// <summary>DRAM.</summary>
    public required DramConfig Dram { get; init; }

    /// <summary>Energy per action.</summary>
    public required EnergyTable Energy { get; init; }

    /// <summary>The vector unit (softmax, norms, activations) of the model-level cost; null when not described.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VectorUnitConfig? VectorUnit { get; init; }

    /// <summary>How each layer's mapping is chosen (<c>mapping:</c>): the search's objective, or a given mapping.</summary>
    public MappingSettings Mapping { get; init; } = new();

    /// <summary>DRAM bytes per clock cycle.</summary>
    public double DramBytesPerCycle => Dram.Bandwidth / (ClockGhz * 1e9);

    /// <summary>The buffer holding <paramref name="kind"/>.</summary>
    public BufferConfig BufferFor(TensorKind kind) => Buffers.First(b => b.Holds.Contains(kind));

    /// <summary>Bytes per cycle entering the processing elements of <paramref name="mac"/>: its <c>weight_load_bandwidth</c>, else the weight buffer's read bandwidth.</summary>
    public double WeightLoadBandwidth(MacArrayConfig mac) => mac.WeightLoadBandwidth ?? BufferFor(TensorKind.Weights).ReadBandwidth;
}
