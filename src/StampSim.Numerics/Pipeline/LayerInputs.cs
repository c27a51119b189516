using System.Runtime.Intrinsics;
using StampSim.Tensors;

namespace StampSim.Pipeline;

/// <summary>One linear layer's inputs: activations <c>X (s, d)</c>, weights <c>W (n, d)</c> and optional bias <c>b (n)</c>.</summary>
public sealed record LayerInputs
{
    /// <summary>Validates shapes and values; errors name the tensor and the first bad index.</summary>
    /// <exception cref="InputException">Shapes disagree or a value is NaN, infinite or beyond <see cref="MaxMagnitude"/>.</exception>
    public LayerInputs(Matrix<float> x, Matrix<float> w, float[]? bias, string name = "layer", string xName = "X", string wName = "W", string biasName = "bias")
    {
        if (x.Rows == 0 || x.Cols == 0)
            throw new InputException($"{xName}: activations must be a non-empty (s, d) matrix, got ({x.Rows}, {x.Cols})");
        if (w.Rows == 0)
            throw new InputException($"{wName}: weights must be a non-empty (n, d) matrix, got ({w.Rows}, {w.Cols})");
        if (w.Cols != x.Cols)
            throw new InputException($"{wName}: weight shape ({w.Rows}, {w.Cols}) does not match activations ({x.Rows}, {x.Cols}): expected (n, {x.Cols})");
        if (bias is not null && bias.Length != w.Rows)
            throw new InputException($"{biasName}: bias has {bias.Length} values, expected n = {w.Rows}");
        RequireInRange(x.Data, x.Cols, xName);
        RequireInRange(w.Data, w.Cols, wName);
        if (bias is not null) RequireInRange(bias, bias.Length, biasName);
        X = x;
        W = w;
        Bias = bias;
        Name = name;
    }

    /// <summary>Activations (s, d).</summary>
    public Matrix<float> X { get; }

    /// <summary>Weights (n, d), PyTorch <c>nn.Linear</c> layout.</summary>
    public Matrix<float> W { get; }

    /// <summary>Bias (n), or null.</summary>
    public float[]? Bias { get; }

    /// <summary>Layer name for messages and reports.</summary>
    public string Name { get; }

    /// <summary>Tokens s.</summary>
    public int Tokens => X.Rows;

    /// <summary>Input features d.</summary>
    public int Features => X.Cols;

    /// <summary>Output channels n.</summary>
    public int Outputs => W.Rows;

    /// <summary>
    /// Largest |value| accepted in X, W and b: 2^40 (about 1.1e12). The golden pipeline is float32, and an
    /// output element sums d products x*w; with |x|, |w| &lt;= 2^40 and d &lt; 2^31 that sum stays below 2^111,
    /// far inside float32 (2^128), and so do the transforms (sums of at most s values) and the float64
    /// metrics. Real activations are below 1e5, so the bound only turns away corrupt or hostile inputs,
    /// which would otherwise come out as infinities and NaN.
    /// </summary>
    public const float MaxMagnitude = 1L << 40;

    /// <summary>Throws naming the first NaN, infinity or value beyond <see cref="MaxMagnitude"/>, with its index.</summary>
    public static void RequireInRange(ReadOnlySpan<float> data, int cols, string name)
    {
        if (AllInRange(data)) return;
        for (int i = 0; i < data.Length; i++)
        {
            if (float.IsFinite(data[i]) && Math.Abs(data[i]) <= MaxMagnitude) continue;
            string what = float.IsNaN(data[i]) ? "NaN" : float.IsInfinity(data[i]) ? "infinity"
                : $"{data[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} exceeds the supported magnitude 2^40 (about 1.1e12)";
            string index = cols > 0 && data.Length != cols ? $"[{i / cols}, {i % cols}]" : $"[{i}]";
            throw new InputException($"{name}: {what} at index {index}");
        }
    }

    // One vectorised pass for the common case: |v| <= limit is false for NaN, infinities and values beyond it.
    private static bool AllInRange(ReadOnlySpan<float> data)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(MaxMagnitude);
            var ok = Vector256<float>.AllBitsSet;
            for (; i + 32 <= data.Length; i += 32)
                ok &= Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(data.Slice(i, 8))), limit)
                    & Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(data.Slice(i + 8, 8))), limit)
                    & Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(data.Slice(i + 16, 8))), limit)
                    & Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(data.Slice(i + 24, 8))), limit);
            if (ok.AsUInt32() != Vector256<uint>.AllBitsSet) return false;
        }
        for (; i < data.Length; i++)
            if (!(Math.Abs(data[i]) <= MaxMagnitude)) return false;
        return true;
    }
}
