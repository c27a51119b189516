using StampSim.Tensors;

namespace StampSim.Models.Llama;

/// <summary>
/// Rotary position embedding in llama2.c's (Meta's) interleaved-pair layout: within each head,
/// features <c>2i</c> and <c>2i+1</c> are rotated together by <c>pos * theta^(-2i/head_size)</c>.
/// (Not Hugging Face's rotate-half layout.) Evaluated in float64, rounded once.
/// </summary>
internal sealed class LlamaRope
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int _pairs;

    /// <summary>Tables for positions 0..<paramref name="tokens"/>-1 (the longest sequence).</summary>
    public LlamaRope(int tokens, int headSize, double theta)
    {
        _pairs = headSize / 2;
        _cos = new double[tokens * _pairs];
        _sin = new double[tokens * _pairs];
        for (int i = 0; i < _pairs; i++)
        {
            double frequency = 1.0 / Math.Pow(theta, 2.0 * i / headSize);
            for (int pos = 0; pos < tokens; pos++)
            {
                double angle = pos * frequency;
                _cos[pos * _pairs + i] = Math.Cos(angle);
                _sin[pos * _pairs + i] = Math.Sin(angle);
            }
        }
    }

    /// <summary>
    /// Rotates every head of <paramref name="x"/> (tokens, heads·head_size) in place; the rows are the stacked
    /// <paramref name="sequences"/>, and a sequence's row i is its position i.
    /// </summary>
    public void Apply(Matrix<float> x, SequenceBatch sequences)
    {
        for (int k = 0; k < sequences.Count; k++)
        for (int pos = 0; pos < sequences.Lengths[k]; pos++)
        {
            Span<float> row = x.Row(sequences.Offsets[k] + pos);
            ReadOnlySpan<double> cos = _cos.AsSpan(pos * _pairs, _pairs), sin = _sin.AsSpan(pos * _pairs, _pairs);
            for (int head = 0; head < row.Length; head += 2 * _pairs)
            {
                for (int i = 0; i < _pairs; i++)
                {
                    double a = row[head + 2 * i], b = row[head + 2 * i + 1];
                    row[head + 2 * i] = (float)(a * cos[i] - b * sin[i]);
                    row[head + 2 * i + 1] = (float)(a * sin[i] + b * cos[i]);
                }
            }
        }
    }
}
