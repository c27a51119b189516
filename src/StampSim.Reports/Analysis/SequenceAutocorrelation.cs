using System.Numerics.Tensors;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Reports.Analysis;

/// <summary>
/// Token-by-token correlation of a layer's activations along the sequence (the STaMP paper's Toeplitz
/// picture): each channel is centred and scaled to unit variance over the tokens (so a few massive
/// channels do not dominate), then entry (i, j) is the cosine between standardised tokens i and j. For
/// stationary, locally correlated activations it depends mostly on |i - j|.
/// </summary>
/// <param name="Tokens">Tokens covered (the first <see cref="MaxTokens"/> at most).</param>
/// <param name="Matrix">Row-major <c>Tokens x Tokens</c> correlations in [-1, 1].</param>
public sealed record SequenceAutocorrelation(int Tokens, float[] Matrix)
{
    /// <summary>Longer sequences are cut to their first tokens: a heat map cannot show more, and the cost grows as s² d.</summary>
    public const int MaxTokens = 1024;

    /// <summary>Entry (i, j).</summary>
    public double this[int i, int j] => Matrix[i * Tokens + j];

    /// <summary>Mean correlation at each lag k = |i - j| (k = 0 .. Tokens - 1): the Toeplitz profile.</summary>
    public double[] ByLag()
    {
        var lags = new double[Tokens];
        for (int k = 0; k < Tokens; k++)
        {
            double sum = 0;
            for (int i = 0; i + k < Tokens; i++) sum += this[i, i + k];
            lags[k] = sum / (Tokens - k);
        }
        return lags;
    }

    /// <summary>Computes the matrix for the first <see cref="MaxTokens"/> tokens of <paramref name="x"/>.</summary>
    public static SequenceAutocorrelation Compute(Matrix<float> x, ExecutionOptions options)
    {
        int s = Math.Min(x.Rows, MaxTokens), d = x.Cols;
        var z = Standardise(x, s);
        var norms = new float[s];
        for (int i = 0; i < s; i++) norms[i] = TensorPrimitives.Norm(z.AsSpan(i * d, d));
        var m = new float[s * s];
        Parallel.For(0, s, options.Parallel, i =>
        {
            var zi = z.AsSpan(i * d, d);
            for (int j = 0; j <= i; j++)
            {
                float denom = norms[i] * norms[j];
                float c = denom > 0 ? Math.Clamp(TensorPrimitives.Dot(zi, z.AsSpan(j * d, d)) / denom, -1f, 1f) : 0f;
                m[i * s + j] = c;
                m[j * s + i] = c;
            }
        });
        return new SequenceAutocorrelation(s, m);
    }

    // Channels with no variance carry no correlation and stay zero.
    private static float[] Standardise(Matrix<float> x, int s)
    {
        int d = x.Cols;
        var z = new float[s * d];
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < s; i++) mean += x[i, j];
            mean /= s;
            double variance = 0;
            for (int i = 0; i < s; i++) variance += (x[i, j] - mean) * (x[i, j] - mean);
            if (variance <= 0) continue;
            double scale = 1 / Math.Sqrt(variance / s);
            for (int i = 0; i < s; i++) z[i * d + j] = (float)((x[i, j] - mean) * scale);
        }
        return z;
    }
}
