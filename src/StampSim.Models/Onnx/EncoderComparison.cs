using StampSim.Metrics;

namespace StampSim.Models.Onnx;

/// <summary>How a candidate's sentence embeddings agree with a reference's, sentence by sentence.</summary>
/// <param name="Cosines">Cosine similarity per sentence.</param>
/// <param name="SqnrDb">SQNR per sentence in dB: <c>10 log10(|ref|² / |cand − ref|²)</c> (+∞ when identical).</param>
public sealed record EncoderComparison(IReadOnlyList<double> Cosines, IReadOnlyList<double> SqnrDb)
{
    /// <summary>Mean cosine similarity.</summary>
    public double MeanCosine => Cosines.Average();

    /// <summary>Lowest cosine similarity of any sentence.</summary>
    public double MinCosine => Cosines.Min();

    /// <summary>Mean SQNR in dB (+∞ only when every sentence is identical).</summary>
    public double MeanSqnrDb => SqnrDb.Average();

    /// <summary>Compares embeddings pairwise (same sentences, same order).</summary>
    public static EncoderComparison Of(IReadOnlyList<double[]> reference, IReadOnlyList<double[]> candidate)
    {
        if (reference.Count != candidate.Count || reference.Count == 0)
            throw new ArgumentException($"{reference.Count} reference and {candidate.Count} candidate embeddings");
        var cos = new double[reference.Count];
        var sqnr = new double[reference.Count];
        for (int i = 0; i < reference.Count; i++)
        {
            cos[i] = SentenceEmbedding.Cosine(reference[i], candidate[i]);
            double signal = 0, noise = 0;
            for (int j = 0; j < reference[i].Length; j++)
            {
                double r = reference[i][j], e = candidate[i][j] - r;
                signal += r * r;
                noise += e * e;
            }
            sqnr[i] = Sqnr.Db(signal, noise);
        }
        return new EncoderComparison(cos, sqnr);
    }
}
