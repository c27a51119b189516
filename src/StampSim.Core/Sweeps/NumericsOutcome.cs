using StampSim.Metrics;

namespace StampSim.Sweeps;

/// <summary>The error figures of one numerics setting on one trace's selected layers (independent of the hardware).</summary>
/// <param name="Layers">Per-layer metrics, in layer order.</param>
/// <param name="Elements">Activation elements (s x d) per layer, for weighting bit-widths.</param>
public sealed record NumericsOutcome(IReadOnlyList<LayerMetrics> Layers, IReadOnlyList<double> Elements)
{
    /// <summary>Output SQNR over all layers: total reference energy over total error energy.</summary>
    public double SqnrDb => Sqnr.Db(Layers.Sum(m => m.SignalEnergy), Layers.Sum(m => m.ErrorEnergy));

    /// <summary>Activation SQNR over all layers.</summary>
    public double ActSqnrDb
    {
        get
        {
            double error = Layers.Sum(m => m.ActErrorSq);
            double signal = Layers.Sum(m => double.IsPositiveInfinity(m.ActSqnrDb) ? 0 : m.ActErrorSq * Math.Pow(10, m.ActSqnrDb / 10));
            return Sqnr.Db(signal, error);
        }
    }

    /// <summary>Mean payload bits weighted by activation elements.</summary>
    public double PayloadBits => Weighted(m => m.PayloadBits);

    /// <summary>Mean bits with metadata weighted by activation elements.</summary>
    public double BitsWithMetadata => Weighted(m => m.BitsWithMetadata);

    private double Weighted(Func<LayerMetrics, double> f) =>
        Layers.Select((m, i) => f(m) * Elements[i]).Sum() / Elements.Sum();
}
