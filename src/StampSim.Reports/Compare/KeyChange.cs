namespace StampSim.Reports.Compare;

/// <summary>A key whose value differs between two effective configs (null: absent on that side).</summary>
/// <param name="Key">Dotted key.</param>
/// <param name="Before">Value in A.</param>
/// <param name="After">Value in B.</param>
public sealed record KeyChange(string Key, string? Before, string? After);
