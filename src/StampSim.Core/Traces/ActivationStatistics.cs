using System.Numerics.Tensors;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Traces;

/// <summary>
/// The statistics an architect looks at first for one layer's activations <c>X (s, d)</c>:
/// the largest magnitude, the outlier channels, how much energy the first tokens hold before and
/// after the sequence transform, and how correlated neighbouring tokens are.
/// </summary>
public sealed record ActivationStatistics
{
    /// <summary>Default for <see cref="OutlierFactor"/>.</summary>
    public const double DefaultOutlierFactor = 8;

    /// <summary>Largest |x|.</summary>
    public double MaxAbs { get; init; }

    /// <summary>Token of <see cref="MaxAbs"/>.</summary>
    public int MaxAbsToken { get; init; }

    /// <summary>Channel (feature) of <see cref="MaxAbs"/>.</summary>
    public int MaxAbsChannel { get; init; }

    /// <summary>Median over channels of each channel's max |x| over tokens.</summary>
    public double MedianChannelMax { get; init; }

    /// <summary>A channel is an outlier when its max |x| exceeds this many times <see cref="MedianChannelMax"/>.</summary>
    public double OutlierFactor { get; init; }

    /// <summary>Outlier channels, largest max |x| first.</summary>
    public IReadOnlyList<int> OutlierChannels { get; init; } = [];

    /// <summary>
    /// The share of <c>sum x²</c> in the leading tokens before and after the sequence transform, over the
    /// tokens the quantizer gives <c>hi_bits</c>.
    /// </summary>
    public required EnergyCompaction Compaction { get; init; }

    /// <summary>
    /// Lag-1 autocorrelation along the sequence: for each channel with non-zero variance, the sample
    /// correlation of neighbouring tokens (channel mean removed), averaged over channels; NaN when undefined.
    /// </summary>
    public double Lag1Autocorrelation { get; init; }

    /// <summary>Computes the statistics.</summary>
    /// <param name="x">Activations (s, d).</param>
    /// <param name="transform">The configured sequence transform, planned for s tokens.</param>
    /// <param name="hiTokens">Leading tokens whose energy share is reported, at most s (<see cref="NumericsConfig.HiTokensOf"/>).</param>
    /// <param name="outlierFactor">Outlier threshold as a multiple of the median channel max.</param>
    /// <param name="startToken">Tokens before this (e.g. a CLS token ahead of a grid) are left out of the autocorrelation.</param>
    public static ActivationStatistics Compute(Matrix<float> x, ISequenceTransform transform, int hiTokens, double outlierFactor, int startToken = 0)
    {
        int s = x.Rows, d = x.Cols;
        var channelMax = new float[d];
        var magnitudes = new float[d];
        for (int i = 0; i < s; i++)
        {
            TensorPrimitives.Abs(x.Row(i), magnitudes);
            TensorPrimitives.Max(channelMax, magnitudes, channelMax);
        }
        long flat = IndexOfMaxMagnitude(x);
        var sorted = channelMax.Order().ToArray();
        double median = d % 2 == 1 ? sorted[d / 2] : 0.5 * ((double)sorted[d / 2 - 1] + sorted[d / 2]);
        var outliers = Enumerable.Range(0, d)
            .Where(j => channelMax[j] > outlierFactor * median)
            .OrderByDescending(j => channelMax[j]).ThenBy(j => j)
            .ToArray();

        return new ActivationStatistics
        {
            MaxAbs = Math.Abs(x.Data[flat]),
            MaxAbsToken = (int)(flat / d),
            MaxAbsChannel = (int)(flat % d),
            MedianChannelMax = median,
            OutlierFactor = outlierFactor,
            OutlierChannels = outliers,
            Compaction = EnergyCompaction.Compute(x, transform, hiTokens),
            Lag1Autocorrelation = Lag1(x, Math.Min(startToken, s)),
        };
    }

    // Row by row: TensorPrimitives.IndexOfMaxMagnitude tracks indices in float32 lanes, which cannot
    // count past 2^24, so over a whole large matrix it returns a wrong element.
    private static long IndexOfMaxMagnitude(Matrix<float> x)
    {
        long best = 0;
        float bestAbs = -1;
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            int j = TensorPrimitives.IndexOfMaxMagnitude(row);
            if (Math.Abs(row[j]) > bestAbs)
            {
                bestAbs = Math.Abs(row[j]);
                best = (long)i * x.Cols + j;
            }
        }
        return best;
    }

    private static double Lag1(Matrix<float> x, int start)
    {
        int s = x.Rows, d = x.Cols, count = s - start;
        if (count < 2) return double.NaN;
        var mean = new double[d];
        for (int i = start; i < s; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < d; j++) mean[j] += row[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= count;
        var cross = new double[d];
        var variance = new double[d];
        for (int i = start; i < s; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < d; j++)
            {
                double c = row[j] - mean[j];
                variance[j] += c * c;
                if (i + 1 < s) cross[j] += c * (x[i + 1, j] - mean[j]);
            }
        }
        double sum = 0;
        int used = 0;
        for (int j = 0; j < d; j++)
        {
            if (variance[j] <= 0) continue;
            sum += cross[j] / variance[j];
            used++;
        }
        return used == 0 ? double.NaN : sum / used;
    }
}
