using StampSim.Numerics;

namespace StampSim.ModelCost;

/// <summary>
/// What DRAM must hold while a model runs one request (docs/model-cost.md): every weight matrix at its matmul's weight
/// bits (all experts of a MoE), the token embedding table in fp16 (one table when the LM head shares it), the KV cache
/// of all sequences at the end of decode (a windowed block keeps at most its window), and the live activations: the
/// input and output of the widest matmul of the prefill, in fp16 (attention scores are taken as tiled, never held whole).
/// </summary>
/// <param name="WeightBytes">Weights and the embedding table.</param>
/// <param name="KvCacheBytes">The KV cache.</param>
/// <param name="ActivationBytes">Live activations.</param>
public sealed record ModelFootprint(long WeightBytes, long KvCacheBytes, long ActivationBytes)
{
    /// <summary>All of it.</summary>
    public long TotalBytes => checked(WeightBytes + KvCacheBytes + ActivationBytes);

    /// <summary>The footprint of <paramref name="a"/> running <paramref name="r"/>, its weights at the bits <paramref name="weightBits"/> gives each matmul role.</summary>
    internal static ModelFootprint Of(ModelArchitecture a, InferenceRequest r, ModelPolicy policy, Func<OperandRole, int> weightBits)
    {
        checked
        {
            long weightBitsTotal = 0;
            foreach (var op in ModelWorkload.WeightedMatmuls(a, policy))
                weightBitsTotal += op.Count * op.Gemm!.Features * op.Gemm.Outputs * weightBits(op.Role);
            long table = a.Family.Decodes && !a.TiedEmbeddings ? (long)a.Vocab * a.Hidden * 2 : 0;
            long kv = 0;
            if (a.Family.Decodes)
            {
                long tokens = (long)r.Prompt + r.Decode, full = a.Layers - a.WindowedLayers;
                long windowedTokens = a.WindowedLayers > 0 ? Math.Min(tokens, a.SlidingWindow) : 0;
                kv = r.Batch * (full * tokens + a.WindowedLayers * windowedTokens) * ModelWorkload.KvBytesPerToken(a, policy);
            }
            long passTokens = (long)r.Batch * (a.Family.Decodes ? r.Prompt : a.Tokens);
            long widest = Math.Max(Math.Max(a.Hidden, a.QWidth), a.Moe is { } m ? Math.Max(a.Intermediate, (long)m.TopK * m.ExpertIntermediate + m.SharedIntermediate) : a.Intermediate);
            return new ModelFootprint((weightBitsTotal + 7) / 8 + table, kv, passTokens * widest * 2 * 2);
        }
    }
}
