using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Traces;

/// <summary>
/// How much of a layer's activation energy <c>sum x²</c> the leading tokens hold, before and after the
/// sequence transform: the property STaMP relies on (the transform packs energy into the first tokens,
/// which get the high precision). The one owner of the first-token energy share: <see cref="ActivationStatistics"/>
/// and the report's focus analysis both read it.
/// </summary>
/// <param name="Transform">The transform, levels resolved.</param>
/// <param name="HiTokens">Tokens the quantizer gives <c>hi_bits</c> (<see cref="Numerics.NumericsConfig.HiTokensOf"/>).</param>
/// <param name="Before">Cumulative energy share of tokens <c>0..i</c> of X, for every i (ends at 1).</param>
/// <param name="After">The same for the transformed activations <c>L X</c>.</param>
public sealed record EnergyCompaction(string Transform, int HiTokens, IReadOnlyList<double> Before, IReadOnlyList<double> After)
{
    /// <summary>Share held by the first <see cref="HiTokens"/> tokens of X (0 when there are none).</summary>
    public double HiShareBefore => HiTokens == 0 ? 0 : Before[HiTokens - 1];

    /// <summary>Share held by the first <see cref="HiTokens"/> transformed tokens.</summary>
    public double HiShareAfter => HiTokens == 0 ? 0 : After[HiTokens - 1];

    /// <summary>Computes both curves; the transform runs in the golden float32 arithmetic on a copy.</summary>
    /// <param name="x">Activations (s, d).</param>
    /// <param name="transform">The sequence transform, planned for s tokens.</param>
    /// <param name="hiTokens">The effective high-precision token count, at most s.</param>
    public static EnergyCompaction Compute(Matrix<float> x, ISequenceTransform transform, int hiTokens)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hiTokens, x.Rows);
        var transformed = (float[])x.Data.Clone();
        transform.Forward(transformed, x.Cols);
        return new EnergyCompaction(transform.Description, hiTokens, Cumulative(x.Data, x.Cols), Cumulative(transformed, x.Cols));
    }

    private static double[] Cumulative(ReadOnlySpan<float> data, int cols)
    {
        int rows = data.Length / cols;
        var shares = new double[rows];
        double running = 0;
        for (int i = 0; i < rows; i++)
        {
            foreach (float v in data.Slice(i * cols, cols)) running += (double)v * v;
            shares[i] = running;
        }
        for (int i = 0; i < rows; i++) shares[i] = running == 0 ? double.NaN : shares[i] / running;
        return shares;
    }
}
