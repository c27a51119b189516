namespace StampSim.Inference;

/// <summary>Time, energy and DRAM traffic of one operator class in one phase.</summary>
/// <param name="Seconds">Wall time.</param>
/// <param name="EnergyJ">Energy (joules).</param>
/// <param name="DramBytes">DRAM bytes read and written.</param>
public sealed record ClassCost(double Seconds, double EnergyJ, double DramBytes)
{
    /// <summary>Nothing.</summary>
    public static ClassCost Zero { get; } = new(0, 0, 0);

    /// <summary>The sum.</summary>
    public static ClassCost operator +(ClassCost a, ClassCost b) => new(a.Seconds + b.Seconds, a.EnergyJ + b.EnergyJ, a.DramBytes + b.DramBytes);
}

/// <summary>The multiply-accumulates of a phase, split as reports state them (independent of numerics).</summary>
/// <param name="Linear">Linear layers and the matmul embeddings.</param>
/// <param name="Attention">QK^T and PV.</param>
/// <param name="LmHead">LM head, classifier or final layer.</param>
public sealed record MacCounts(long Linear, long Attention, long LmHead)
{
    /// <summary>All of them.</summary>
    public long Total => Linear + Attention + LmHead;
}

/// <summary>One phase of one variant: MACs, time, energy and DRAM traffic, in total and by operator class.</summary>
/// <param name="Macs">Multiply-accumulates.</param>
/// <param name="ByClass">Cost of each operator class present.</param>
public sealed record PhaseCost(MacCounts Macs, IReadOnlyDictionary<OperatorClass, ClassCost> ByClass)
{
    /// <summary>Wall time: operators run one after another.</summary>
    public double Seconds => ByClass.Values.Sum(c => c.Seconds);

    /// <summary>Energy (joules).</summary>
    public double EnergyJ => ByClass.Values.Sum(c => c.EnergyJ);

    /// <summary>DRAM bytes.</summary>
    public double DramBytes => ByClass.Values.Sum(c => c.DramBytes);
}
