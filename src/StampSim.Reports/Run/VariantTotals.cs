using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Metrics;

namespace StampSim.Reports.Run;

/// <summary>
/// One variant's totals over a run's layers on one config. Layers run one after another, so cycles,
/// bytes and energy add up. Two SQNR summaries: the mean of the per-layer dB figures (every layer
/// counts the same) and the pooled SQNR over all outputs (sum of signal over sum of error).
/// </summary>
public sealed record VariantTotals
{
    /// <summary>Sum of total cycles over the feasible layers.</summary>
    public long Cycles { get; init; }

    /// <summary>Time at the configured clock, seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>DRAM bytes read.</summary>
    public double DramReadBytes { get; init; }

    /// <summary>DRAM bytes written.</summary>
    public double DramWriteBytes { get; init; }

    /// <summary>DRAM bytes read and written.</summary>
    public double DramBytes => DramReadBytes + DramWriteBytes;

    /// <summary>Energy, pJ.</summary>
    public double EnergyPj { get; init; }

    /// <summary>Energy by component (mac, dwt, quantizer, epilogue, dram, sram), pJ.</summary>
    public IReadOnlyDictionary<CostComponent, double> EnergyByComponentPj { get; init; } = new Dictionary<CostComponent, double>();

    /// <summary>The share of <paramref name="component"/> in the energy, in percent (NaN without energy); the shares add up to 100.</summary>
    public double EnergySharePercent(CostComponent component) =>
        EnergyPj > 0 ? 100 * EnergyByComponentPj.GetValueOrDefault(component) / EnergyPj : double.NaN;

    /// <summary>Multiply-accumulates of the feasible layers.</summary>
    public long Macs { get; init; }

    /// <summary>Energy per MAC, fJ.</summary>
    public double FemtojoulesPerMac => Macs == 0 ? double.NaN : EnergyPj * 1000 / Macs;

    /// <summary>Mean over layers of the output SQNR in dB.</summary>
    public double SqnrDbMean { get; init; }

    /// <summary>Output SQNR over all layers' outputs together, dB.</summary>
    public double SqnrDbPooled { get; init; }

    /// <summary>Mean payload bits per activation element, weighted by each layer's s x d.</summary>
    public double PayloadBits { get; init; }

    /// <summary>Layers the design cannot run (left out of the cost sums).</summary>
    public int InfeasibleLayers { get; init; }

    /// <summary>Totals of <paramref name="variant"/> over <paramref name="layers"/> on the config <paramref name="label"/>.</summary>
    public static VariantTotals Of(string label, Variant variant, IReadOnlyList<LayerOutcome> layers)
    {
        long cycles = 0, macs = 0;
        double seconds = 0, read = 0, write = 0, energy = 0, sqnrSum = 0, signal = 0, error = 0, bits = 0, elements = 0;
        var components = new Dictionary<CostComponent, double>();
        int infeasible = 0;
        foreach (var layer in layers)
        {
            var outcome = layer.On(label);
            var metrics = outcome.Result(variant).Metrics;
            sqnrSum += metrics.SqnrDb;
            signal += metrics.SignalEnergy;
            error += metrics.ErrorEnergy;
            double e = (double)layer.Shape.Tokens * layer.Shape.Features;
            bits += metrics.PayloadBits * e;
            elements += e;
            var cost = outcome.CostOf(variant);
            if (!cost.Feasible)
            {
                infeasible++;
                continue;
            }
            cycles += cost.TotalCycles;
            seconds += cost.Seconds;
            read += cost.DramReadBytes;
            write += cost.DramWriteBytes;
            energy += cost.EnergyPj;
            macs += layer.Shape.Macs;
            foreach (var (k, v) in cost.EnergyByComponentPj) components[k] = components.GetValueOrDefault(k) + v;
        }
        return new VariantTotals
        {
            Cycles = cycles,
            Seconds = seconds,
            DramReadBytes = read,
            DramWriteBytes = write,
            EnergyPj = energy,
            EnergyByComponentPj = components,
            Macs = macs,
            SqnrDbMean = layers.Count == 0 ? double.NaN : sqnrSum / layers.Count,
            SqnrDbPooled = Sqnr.Db(signal, error),
            PayloadBits = elements == 0 ? double.NaN : bits / elements,
            InfeasibleLayers = infeasible,
        };
    }
}
