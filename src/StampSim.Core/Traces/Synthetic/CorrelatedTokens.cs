namespace StampSim.Traces.Synthetic;

/// <summary>
/// Unit-variance Gaussian sequences with Toeplitz autocorrelation: AR(1) along a sequence
/// (<c>corr(x_i, x_j) = rho^|i-j|</c>), and its separable 2-D form over a token grid
/// (<c>corr = rho_rows^|dr| * rho_cols^|dc|</c>). Every value is stationary from the first token on.
/// </summary>
public static class CorrelatedTokens
{
    /// <summary>Fills <paramref name="dest"/> with an AR(1) sequence.</summary>
    public static void Sequence(NormalSampler normal, double rho, Span<double> dest)
    {
        double innovation = Math.Sqrt(1 - rho * rho);
        double previous = 0;
        for (int i = 0; i < dest.Length; i++)
        {
            double z = normal.Next();
            previous = i == 0 ? z : rho * previous + innovation * z;
            dest[i] = previous;
        }
    }

    /// <summary>
    /// Fills <paramref name="dest"/> (height x width, row-major) with the separable AR(1) field
    /// <c>f[r,c] = a f[r,c-1] + b f[r-1,c] - a b f[r-1,c-1] + sqrt((1-a²)(1-b²)) z</c>, whose first row and
    /// column are 1-D AR(1) sequences, so every token has unit variance.
    /// </summary>
    public static void Grid(NormalSampler normal, double rhoRows, double rhoCols, int height, int width, Span<double> dest)
    {
        double a = rhoCols, b = rhoRows;
        double ia = Math.Sqrt(1 - a * a), ib = Math.Sqrt(1 - b * b), iab = ia * ib;
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                double z = normal.Next();
                int k = r * width + c;
                dest[k] = (r, c) switch
                {
                    (0, 0) => z,
                    (0, _) => a * dest[k - 1] + ia * z,
                    (_, 0) => b * dest[k - width] + ib * z,
                    _ => a * dest[k - 1] + b * dest[k - width] - a * b * dest[k - width - 1] + iab * z,
                };
            }
        }
    }
}
