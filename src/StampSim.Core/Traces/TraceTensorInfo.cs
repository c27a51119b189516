namespace StampSim.Traces;

/// <summary>A tensor held by a trace, as its file describes it (nothing read yet).</summary>
/// <param name="Key">Tensor key (an .npz member name, or <c>x</c>/<c>w</c>/<c>b</c> for .npy files).</param>
/// <param name="DType">The dtype as the file spells it (<c>F16</c>, <c>&lt;f4</c>, ...).</param>
/// <param name="Type">Element type.</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Bytes">Bytes of data.</param>
/// <param name="Where">How error messages name it, e.g. <c>trace.safetensors: tensor 'act.0'</c>.</param>
public sealed record TraceTensorInfo(string Key, string DType, ElementType Type, long[] Shape, long Bytes, string Where)
{
    /// <summary>Number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Shape as <c>[a, b]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
