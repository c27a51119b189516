namespace StampSim.Reports.Compare;

/// <summary>One number in report A and in report B.</summary>
/// <param name="Name">What it is.</param>
/// <param name="Before">Value in A.</param>
/// <param name="After">Value in B.</param>
public sealed record MetricDelta(string Name, double Before, double After)
{
    /// <summary>B minus A.</summary>
    public double Delta => After - Before;

    /// <summary>B over A (NaN when A is 0).</summary>
    public double Ratio => Before == 0 ? (After == 0 ? 1 : double.NaN) : After / Before;

    /// <summary>True when the two differ (NaN equals NaN).</summary>
    public bool Changed => !Before.Equals(After);
}
