using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Reports.Run;

namespace StampSim.Reports.Analysis;

/// <summary>One layer under one variant placed on the roofline.</summary>
/// <param name="Layer">Layer name.</param>
/// <param name="Shape">Layer shape (layers of one shape share a point).</param>
/// <param name="Variant">Numerics.</param>
/// <param name="Intensity">Operational intensity: MACs per DRAM byte (read + written).</param>
/// <param name="MacsPerCycle">Achieved throughput: MACs over the layer's total cycles.</param>
public sealed record RooflinePoint(string Layer, Hardware.LayerShape Shape, Variant Variant, double Intensity, double MacsPerCycle);

/// <summary>
/// The roofline of one accelerator: peak MAC throughput (one roof for tokens of at most 4 bits, one for
/// 8-bit tokens, which take two passes or half the columns on an int4 array) and the DRAM bandwidth
/// line, with every layer placed by its operational intensity and achieved throughput.
/// </summary>
/// <param name="Label">Config label.</param>
/// <param name="PeakLowBits">Peak MACs per cycle for tokens of at most 4 bits.</param>
/// <param name="PeakEightBits">Peak MACs per cycle for 8-bit tokens.</param>
/// <param name="DramBytesPerCycle">DRAM bandwidth in bytes per cycle.</param>
/// <param name="Points">Every feasible layer and variant.</param>
public sealed record Roofline(string Label, double PeakLowBits, double PeakEightBits, double DramBytesPerCycle, IReadOnlyList<RooflinePoint> Points)
{
    /// <summary>The widest token of the low roof.</summary>
    private const int LowBits = 4;

    /// <summary>Builds the roofline of <paramref name="config"/> from a run's layers.</summary>
    public static Roofline Of(ConfigSpec config, IEnumerable<LayerOutcome> layers)
    {
        var (mac, weightBits) = (config.Config.MacArray, config.Config.Numerics.WeightBits);
        double peak = PeakMacRate.PerCycle(LowBits, weightBits, mac), peakWide = PeakMacRate.PerCycle(8, weightBits, mac);
        var points = new List<RooflinePoint>();
        foreach (var layer in layers)
        {
            var outcome = layer.On(config.Label);
            foreach (var v in Variants.All)
            {
                var cost = outcome.CostOf(v);
                double bytes = cost.DramReadBytes + cost.DramWriteBytes;
                if (!cost.Feasible || cost.TotalCycles == 0 || bytes == 0) continue;
                points.Add(new RooflinePoint(layer.Layer.Name, layer.Shape, v, layer.Shape.Macs / bytes, (double)layer.Shape.Macs / cost.TotalCycles));
            }
        }
        return new Roofline(config.Label, peak, peakWide, config.Accelerator.DramBytesPerCycle, points);
    }

    /// <summary>The intensity where the DRAM line meets the low-bit roof.</summary>
    public double RidgeIntensity => PeakLowBits / DramBytesPerCycle;
}
