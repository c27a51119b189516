namespace StampSim.Traces.Synthetic;

/// <summary>
/// <c>log</c> and <c>exp</c> from IEEE basic operations only (correctly rounded +, −, ×, ÷ and
/// exact scaling), so synthetic traces do not depend on the platform's libm, whose last bits differ
/// between C libraries. Accurate to a few units in the last place, which is all a generator needs.
/// </summary>
public static class PortableMath
{
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^20 (the low 21 bits of Ln2Hi are zero).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>Natural logarithm of a positive normal number.</summary>
    public static double Log(double x)
    {
        if (!double.IsNormal(x) || x < 0)
            throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive, normal, finite argument");
        long bits = BitConverter.DoubleToInt64Bits(x);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        // ln m = 2 atanh(t) = 2 (t + t^3/3 + t^5/5 + ...), |t| <= 0.1716: 13 terms reach double precision.
        double t = (m - 1) / (m + 1);
        double t2 = t * t;
        double series = 1.0 / 25;
        for (int k = 11; k >= 0; k--) series = 1.0 / (2 * k + 1) + t2 * series;
        return e * Ln2Hi + (e * Ln2Lo + 2 * t * series);
    }

    /// <summary>e^x for |x| below 700.</summary>
    public static double Exp(double x)
    {
        if (!(Math.Abs(x) < 700))
            throw new ArgumentOutOfRangeException(nameof(x), x, "Exp needs |x| < 700");
        double k = Math.Round(x / (Ln2Hi + Ln2Lo));
        double r = x - k * Ln2Hi - k * Ln2Lo;
        // Taylor series of e^r for |r| <= 0.35: 18 terms reach double precision.
        double p = 1;
        for (int n = 17; n >= 1; n--) p = 1 + r * p / n;
        return Math.ScaleB(p, (int)k);
    }
}
