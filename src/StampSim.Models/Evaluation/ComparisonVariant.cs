using StampSim.Hardware;
using StampSim.Models.Linear;
using StampSim.Numerics;

namespace StampSim.Models.Evaluation;

/// <summary>One numerics variant of a comparison: a name and its numerics (null for float32).</summary>
/// <param name="Name">Short name, e.g. <c>w4a4-stamp</c>.</param>
/// <param name="Numerics">The numerics of the quantized layers, or null for the float32 reference.</param>
public sealed record ComparisonVariant(string Name, NumericsConfig? Numerics)
{
    /// <summary>True for the float32 reference.</summary>
    public bool IsFloat32 => Numerics is null;

    /// <summary>The executor that runs a model under this variant.</summary>
    public ILinearExecutor CreateExecutor(MacArrayConfig? macArray = null, QuantizedExecutorOptions? options = null) =>
        Numerics is null
            ? new Float32LinearExecutor((options ?? QuantizedExecutorOptions.Default).Execution)
            : new QuantizedLinearExecutor(Numerics, macArray, options);
}
