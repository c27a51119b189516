namespace StampSim.Hardware;

/// <summary>
/// The MAC array's peak throughput, the one place weight passes and a token width's mode on the array
/// (<see cref="TokenMode"/>) become MACs per cycle; the cost model and the roofline both read it.
/// </summary>
public static class PeakMacRate
{
    /// <summary>Passes over the array a weight of <paramref name="weightBits"/> bits takes on multipliers of <c>mac_array.weight_bits</c>.</summary>
    public static int WeightPasses(int weightBits, MacArrayConfig mac) => (weightBits + mac.WeightBits - 1) / mac.WeightBits;

    /// <summary>Peak MACs per cycle for tokens of <paramref name="tokenBits"/> bits against weights of <paramref name="weightBits"/> bits.</summary>
    public static double PerCycle(int tokenBits, int weightBits, MacArrayConfig mac)
    {
        var mode = TokenMode.For(tokenBits, mac);
        return (double)mac.Rows * mode.Cols / (mode.Passes * WeightPasses(weightBits, mac));
    }
}
