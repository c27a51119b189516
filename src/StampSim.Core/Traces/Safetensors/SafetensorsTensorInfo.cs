namespace StampSim.Traces.Safetensors;

/// <summary>One tensor entry of a safetensors header.</summary>
/// <param name="Name">Tensor key.</param>
/// <param name="Type">Element type.</param>
/// <param name="DType">The dtype string as written (e.g. <c>F32</c>).</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Begin">Start offset within the data section.</param>
/// <param name="End">End offset (exclusive) within the data section.</param>
public sealed record SafetensorsTensorInfo(string Name, ElementType Type, string DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Size in bytes.</summary>
    public long Bytes => End - Begin;

    /// <summary>Shape as <c>[a, b]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
