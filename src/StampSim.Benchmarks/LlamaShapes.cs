using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Benchmarks;

/// <summary>LLaMA-3-8B prefill shapes: 2048 tokens, hidden 4096, projections to 4096 (attention) or 14336 (MLP up/gate).</summary>
public static class LlamaShapes
{
    /// <summary>Tokens.</summary>
    public const int Tokens = 2048;

    /// <summary>Hidden size.</summary>
    public const int Hidden = 4096;

    /// <summary>A deterministic random layer: AR(1) activations along the sequence, Gaussian-scale weights.</summary>
    public static LayerInputs Layer(int outputs)
    {
        var rng = new Random(8);
        var x = new Matrix<float>(Tokens, Hidden);
        for (int j = 0; j < Hidden; j++)
        {
            float v = 0;
            for (int i = 0; i < Tokens; i++)
            {
                v = 0.9f * v + (float)(rng.NextDouble() - 0.5);
                x[i, j] = v;
            }
        }
        var w = new Matrix<float>(outputs, Hidden);
        for (int k = 0; k < w.Data.Length; k++) w.Data[k] = (float)((rng.NextDouble() - 0.5) / 64);
        return new LayerInputs(x, w, null);
    }
}
