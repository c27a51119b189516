namespace StampSim.Models.Ops;

/// <summary>
/// The error function in float64 (.NET has none). Uses the everywhere-convergent series
/// <c>erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))</c>, whose terms are
/// all positive, so nothing cancels; past |x| = 6 erf is ±1 to within float64 rounding.
/// </summary>
public static class Erf
{
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary><c>erf(x)</c>, accurate to a few float64 ulps.</summary>
    public static double Of(double x)
    {
        if (double.IsNaN(x)) return x;
        double a = Math.Abs(x);
        if (a >= 6) return Math.Sign(x);
        double twoX2 = 2 * a * a, term = a, sum = a;
        for (int n = 1; term > sum * 1e-17; n++)
        {
            term *= twoX2 / (2 * n + 1);
            sum += term;
        }
        return Math.CopySign(TwoOverSqrtPi * Math.Exp(-a * a) * sum, x);
    }
}
