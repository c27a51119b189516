namespace StampSim.Quantization;

/// <summary>Per-output-channel symmetric weight codes, scales and per-group row sums.</summary>
public sealed class QuantizedWeights
{
    /// <summary>Creates the container; arrays are owned by the instance.</summary>
    public QuantizedWeights(int outputs, int features, int groupSize, sbyte[] codes, float[] scale, int[] rowSum, int bits)
    {
        Outputs = outputs;
        Features = features;
        GroupSize = groupSize;
        Codes = codes;
        Scale = scale;
        RowSum = rowSum;
        Bits = bits;
    }

    /// <summary>Output channels n.</summary>
    public int Outputs { get; }

    /// <summary>Input features d.</summary>
    public int Features { get; }

    /// <summary>Features per activation group (d when per token).</summary>
    public int GroupSize { get; }

    /// <summary>Groups per row.</summary>
    public int Groups => Features / GroupSize;

    /// <summary>Codes, n x d row-major, in [−qmax, qmax].</summary>
    public sbyte[] Codes { get; }

    /// <summary><c>sw[n]</c>.</summary>
    public float[] Scale { get; }

    /// <summary><c>rowsum</c> of each group: groups x n (group-major), exact integers.</summary>
    public int[] RowSum { get; }

    /// <summary>Weight bits.</summary>
    public int Bits { get; }
}
