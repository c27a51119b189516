using StampSim.Tensors;

namespace StampSim.Models.Ops;

/// <summary>Element-wise MLP activations, evaluated in float64 and rounded once.</summary>
public static class Activations
{
    /// <summary>SwiGLU's gating, in place: <c>gate = silu(gate) * up</c> with <c>silu(g) = g / (1 + e^-g)</c>.</summary>
    public static void SiluGate(Matrix<float> gate, Matrix<float> up)
    {
        if (gate.Rows != up.Rows || gate.Cols != up.Cols)
            throw new ArgumentException($"gate {gate} and up {up} differ in shape");
        Span<float> g = gate.Span;
        ReadOnlySpan<float> u = up.Span;
        for (int i = 0; i < g.Length; i++)
        {
            double v = g[i];
            g[i] = (float)(v / (1 + Math.Exp(-v)) * u[i]);
        }
    }

    /// <summary>Exact GELU in place (Hugging Face <c>gelu</c>): <c>x/2 * (1 + erf(x/sqrt 2))</c>.</summary>
    public static void Gelu(Matrix<float> x)
    {
        Span<float> data = x.Span;
        for (int i = 0; i < data.Length; i++)
        {
            double v = data[i];
            data[i] = (float)(0.5 * v * (1 + Erf.Of(v * 0.7071067811865476)));
        }
    }
}
