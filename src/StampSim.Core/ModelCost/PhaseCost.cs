namespace StampSim.ModelCost;

/// <summary>Time, energy and DRAM traffic of one operator class in one phase, and what bounds it.</summary>
/// <param name="Seconds">Wall time.</param>
/// <param name="EnergyJ">Energy (joules).</param>
/// <param name="DramBytes">DRAM bytes read and written.</param>
/// <param name="BusySeconds">The time its units (MAC array, vector lanes, DRAM interface) would take at full use.</param>
/// <param name="SecondsByBound">Its wall time split by what bounded each operator (<see cref="Hardware.Bounds"/>).</param>
public sealed record ClassCost(double Seconds, double EnergyJ, double DramBytes, double BusySeconds, IReadOnlyDictionary<string, double> SecondsByBound)
{
    /// <summary>Nothing.</summary>
    public static ClassCost Zero { get; } = new(0, 0, 0, 0, new Dictionary<string, double>());

    /// <summary>What bounds the most of its time (empty when it takes none).</summary>
    public string Bound => SecondsByBound.Count == 0 ? "" : SecondsByBound.MaxBy(b => b.Value).Key;

    /// <summary>The fraction of its wall time its units are busy: useful PE-cycles of the MAC array, lane-cycles of the vector unit, bytes at the DRAM's bandwidth.</summary>
    public double Utilization => Seconds > 0 ? BusySeconds / Seconds : 0;

    /// <summary>Costs <paramref name="seconds"/> bounded by <paramref name="bound"/>, its units busy <paramref name="busySeconds"/>.</summary>
    public static ClassCost Of(double seconds, double energyJ, double dramBytes, double busySeconds, string bound) =>
        new(seconds, energyJ, dramBytes, busySeconds, new Dictionary<string, double> { [bound] = seconds });

    /// <summary>The sum.</summary>
    public static ClassCost operator +(ClassCost a, ClassCost b)
    {
        var bounds = new Dictionary<string, double>(a.SecondsByBound);
        foreach (var (k, v) in b.SecondsByBound) bounds[k] = bounds.GetValueOrDefault(k) + v;
        return new(a.Seconds + b.Seconds, a.EnergyJ + b.EnergyJ, a.DramBytes + b.DramBytes, a.BusySeconds + b.BusySeconds, bounds);
    }
}

/// <summary>The multiply-accumulates of a phase, split as reports state them (independent of numerics).</summary>
/// <param name="Linear">Linear layers and the matmul embeddings.</param>
/// <param name="Attention">QK^T and PV.</param>
/// <param name="LmHead">LM head, classifier or final layer.</param>
public sealed record MacCounts(long Linear, long Attention, long LmHead)
{
    /// <summary>All of them.</summary>
    public long Total => checked(Linear + Attention + LmHead);
}

/// <summary>One phase of one variant: MACs, time, energy and DRAM traffic, in total and by operator class.</summary>
/// <param name="Macs">Multiply-accumulates.</param>
/// <param name="ByClass">Cost of each operator class present.</param>
public sealed record PhaseCost(MacCounts Macs, IReadOnlyDictionary<OperatorClass, ClassCost> ByClass)
{
    /// <summary>Energy (joules) by component: the MAC array's layer components (<c>mac</c>, <c>dwt</c>, <c>quantizer</c>, <c>epilogue</c>, <c>dram</c>, <c>sram</c>), and <c>vector</c> for the vector unit.</summary>
    public IReadOnlyDictionary<string, double> EnergyByComponentJ { get; init; } = new Dictionary<string, double>();

    /// <summary>Wall time: operators run one after another.</summary>
    public double Seconds => ByClass.Values.Sum(c => c.Seconds);

    /// <summary>Energy (joules).</summary>
    public double EnergyJ => ByClass.Values.Sum(c => c.EnergyJ);

    /// <summary>DRAM bytes.</summary>
    public double DramBytes => ByClass.Values.Sum(c => c.DramBytes);

    /// <summary>What bounds the most of the phase's time, over all its operator classes (empty when it takes none).</summary>
    public string Bound => ByClass.Values.Aggregate(ClassCost.Zero, (a, b) => a + b).Bound;
}
