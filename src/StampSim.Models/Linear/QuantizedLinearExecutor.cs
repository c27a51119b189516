using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Models.Linear;

/// <summary>
/// Runs every linear layer through the golden <see cref="StampLayer"/> (sequence transform,
/// quantizers, integer GEMM on the MAC array, epilogue, inverse transform, bias). Layers outside
/// the transformer blocks stay in float32 unless <see cref="QuantizedExecutorOptions.QuantizeOutsideBlocks"/>
/// is set. A call stacking several sequences runs as one batch (<see cref="StampLayer.Run(LayerInputs, SequenceBatch, bool)"/>),
/// each sequence transformed and quantized on its own. Per call, <c>haar2d</c> takes the call's token grid and prefix tokens, and a feature
/// Hadamard on a non-power-of-two d becomes block-diagonal (see <see cref="CallNumerics.Resolve"/>).
/// </summary>
public sealed class QuantizedLinearExecutor : ILinearExecutor
{
    /// <summary>Creates the executor.</summary>
    public QuantizedLinearExecutor(NumericsConfig numerics, MacArrayConfig? macArray = null, QuantizedExecutorOptions? options = null)
    {
        Numerics = numerics;
        MacArray = macArray ?? new MacArrayConfig();
        Options = options ?? QuantizedExecutorOptions.Default;
    }

    /// <summary>The numerics every quantized layer runs under (before per-call specialisation).</summary>
    public NumericsConfig Numerics { get; }

    /// <summary>The MAC array.</summary>
    public MacArrayConfig MacArray { get; }

    /// <summary>Which layers are quantized, and threads.</summary>
    public QuantizedExecutorOptions Options { get; }

    /// <summary>True when this executor sends <paramref name="kind"/> through the quantized engine.</summary>
    public bool Quantizes(LinearKind kind) => Options.QuantizeOutsideBlocks || !kind.IsOutsideBlocks();

    /// <inheritdoc />
    public Matrix<float> Linear(LinearCall call)
    {
        if (!Quantizes(call.Kind))
            return Float32LinearExecutor.Multiply(call.X, call.W, call.Bias, Options.Execution);
        var plan = CallNumerics.Resolve(Numerics, call);
        var x = call.X;
        var w = call.W;
        if (plan.HadamardBlock > 0)
        {
            x = BlockHadamard.Apply(x, plan.HadamardBlock, Options.Execution);
            w = BlockHadamard.Apply(w, plan.HadamardBlock, Options.Execution);
        }
        var inputs = new LayerInputs(x, w, call.Bias, call.Name, $"{call.Name} input", $"{call.Name}.weight", $"{call.Name}.bias");
        return new StampLayer(new GoldenSettings(plan.Numerics, MacArray.Rows), Options.Execution).Run(inputs, call.Sequences).Y;
    }
}
