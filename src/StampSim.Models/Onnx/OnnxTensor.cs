namespace StampSim.Models.Onnx;

/// <summary>
/// A tensor going into or coming out of an ONNX Runtime session: int64 (token ids, masks) or float32,
/// C order.
/// </summary>
/// <param name="Shape">Dimensions.</param>
/// <param name="Int64">Values of an int64 tensor, else null.</param>
/// <param name="Float32">Values of a float32 tensor, else null.</param>
public sealed record OnnxTensor(long[] Shape, long[]? Int64, float[]? Float32)
{
    /// <summary>An int64 tensor.</summary>
    public static OnnxTensor Of(long[] values, params long[] shape) => new(shape, values, null);

    /// <summary>A float32 tensor.</summary>
    public static OnnxTensor Of(float[] values, params long[] shape) => new(shape, null, values);

    /// <summary>The float32 values; throws for an int64 tensor.</summary>
    public float[] Floats => Float32 ?? throw new InvalidOperationException("the tensor is int64, not float32");

    /// <summary>Rows when the last dimension is the feature axis: the product of the leading dimensions.</summary>
    public int Rows => checked((int)Shape[..^1].Aggregate(1L, (a, b) => a * b));

    /// <summary>The last dimension.</summary>
    public int Cols => checked((int)Shape[^1]);
}
