namespace StampSim.Models.Onnx;

/// <summary>
/// Sentence embeddings of an encoder as sentence-transformers makes them: the attention-mask mean of
/// the last hidden state over tokens, L2-normalised; and the cosine of two of them. The one place
/// StampSim pools and compares embeddings.
/// </summary>
public static class SentenceEmbedding
{
    /// <summary>Pools a (1, s, d) or (s, d) hidden state under a (1, s) mask (all tokens when null), in float64.</summary>
    /// <exception cref="InputException">The mask covers no token or does not match the tokens.</exception>
    public static double[] Pool(OnnxTensor hidden, OnnxTensor? mask)
    {
        int s = hidden.Rows, d = hidden.Cols;
        var weights = mask?.Int64 ?? Enumerable.Repeat(1L, s).ToArray();
        if (weights.Length != s) throw new InputException($"attention_mask: {weights.Length} values for {s} tokens");
        var sum = new double[d];
        double count = 0;
        var data = hidden.Floats;
        for (int t = 0; t < s; t++)
        {
            if (weights[t] == 0) continue;
            count += weights[t];
            for (int j = 0; j < d; j++) sum[j] += weights[t] * (double)data[t * d + j];
        }
        if (count == 0) throw new InputException("attention_mask: masks out every token");
        double norm = Math.Sqrt(sum.Sum(v => v / count * (v / count)));
        return sum.Select(v => norm == 0 ? 0 : v / count / norm).ToArray();
    }

    /// <summary>Cosine similarity <c>a·b / (|a| |b|)</c> in float64 (0 when either is zero).</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
