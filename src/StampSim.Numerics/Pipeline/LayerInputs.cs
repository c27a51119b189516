using StampSim.Tensors;

namespace StampSim.Pipeline;

/// <summary>One linear layer's inputs: activations <c>X (s, d)</c>, weights <c>W (n, d)</c> and optional bias <c>b (n)</c>.</summary>
public sealed record LayerInputs
{
    /// <summary>Validates shapes and values; errors name the tensor and the first bad index.</summary>
    /// <exception cref="InputException">Shapes disagree or a value is NaN or infinite.</exception>
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
        RequireFinite(x.Data, x.Cols, xName);
        RequireFinite(w.Data, w.Cols, wName);
        if (bias is not null) RequireFinite(bias, bias.Length, biasName);
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

    /// <summary>Throws naming the first NaN or infinity.</summary>
    public static void RequireFinite(ReadOnlySpan<float> data, int cols, string name)
    {
        int bad = System.Numerics.Tensors.TensorPrimitives.IndexOfMaxMagnitude(data);
        if (bad < 0 || float.IsFinite(data[bad])) return;
        for (int i = 0; i < data.Length; i++)
        {
            if (!float.IsFinite(data[i]))
            {
                string what = float.IsNaN(data[i]) ? "NaN" : "infinity";
                string index = cols > 0 && data.Length != cols ? $"[{i / cols}, {i % cols}]" : $"[{i}]";
                throw new InputException($"{name}: {what} at index {index}");
            }
        }
    }
}
