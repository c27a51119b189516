using System.Text.Json.Serialization;
using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>Number formats of data outside the integer datapath.</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<NumberFormat>))]
public enum NumberFormat
{
    /// <summary>16-bit fixed point.</summary>
    Int16,
    /// <summary>IEEE binary16.</summary>
    Fp16,
    /// <summary>bfloat16.</summary>
    Bf16,
    /// <summary>IEEE binary32.</summary>
    Fp32,
}

/// <summary>The tensors an on-chip buffer can hold.</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<TensorKind>))]
public enum TensorKind
{
    /// <summary>Quantized activation codes and their scales.</summary>
    Activations,
    /// <summary>Weight codes, scales and row sums.</summary>
    Weights,
    /// <summary>Partial sums and outputs.</summary>
    Outputs,
}

/// <summary>Bytes per element of the number formats.</summary>
public static class NumberFormats
{
    /// <summary>Bytes of one element.</summary>
    public static int Bytes(NumberFormat f) => f == NumberFormat.Fp32 ? 4 : 2;
}
