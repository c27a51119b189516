namespace StampSim.Traces.Safetensors;

/// <summary>safetensors dtype strings.</summary>
public static class SafetensorsDTypes
{
    /// <summary>The element type of a dtype string, or null when StampSim does not read it.</summary>
    public static ElementType? Parse(string dtype) => dtype switch
    {
        "F64" => ElementType.Float64,
        "F32" => ElementType.Float32,
        "F16" => ElementType.Float16,
        "BF16" => ElementType.BFloat16,
        "I64" => ElementType.Int64,
        "I32" => ElementType.Int32,
        "I16" => ElementType.Int16,
        "I8" => ElementType.Int8,
        "U8" => ElementType.UInt8,
        "U16" => ElementType.UInt16,
        "U32" => ElementType.UInt32,
        "U64" => ElementType.UInt64,
        "BOOL" => ElementType.UInt8,
        _ => null,
    };

    /// <summary>The dtype string of an element type.</summary>
    public static string Name(ElementType t) => t switch
    {
        ElementType.Float64 => "F64",
        ElementType.Float32 => "F32",
        ElementType.Float16 => "F16",
        ElementType.BFloat16 => "BF16",
        ElementType.Int64 => "I64",
        ElementType.Int32 => "I32",
        ElementType.Int16 => "I16",
        ElementType.Int8 => "I8",
        ElementType.UInt8 => "U8",
        ElementType.UInt16 => "U16",
        ElementType.UInt32 => "U32",
        ElementType.UInt64 => "U64",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
