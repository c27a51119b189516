using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>The kinds of action the cost model counts and the energy table prices.</summary>
public enum ActionKind
{
    /// <summary>One 4-bit multiply-accumulate (<c>mac_int4</c>).</summary>
    MacInt4,
    /// <summary>One multiply-accumulate of an 8-bit token (<c>mac_int8_token</c>).</summary>
    MacInt8Token,
    /// <summary>One add of the sequence transform unit (<c>dwt_add</c>).</summary>
    DwtAdd,
    /// <summary>One multiply of the sequence transform unit (<c>dwt_mul</c>).</summary>
    DwtMul,
    /// <summary>One quantizer operation (<c>quant_op</c>).</summary>
    QuantOp,
    /// <summary>One epilogue operation (<c>epilogue_op</c>).</summary>
    EpilogueOp,
    /// <summary>One DRAM byte read (<c>dram_read</c>).</summary>
    DramRead,
    /// <summary>One DRAM byte written (<c>dram_write</c>).</summary>
    DramWrite,
    /// <summary>One byte read from a named buffer (<c>NAME_read</c>).</summary>
    BufferRead,
    /// <summary>One byte written to a named buffer (<c>NAME_write</c>).</summary>
    BufferWrite,
}

/// <summary>What one buffer's or unit's energy goes to, in reports.</summary>
public enum CostComponent
{
    /// <summary>MAC array.</summary>
    Mac,
    /// <summary>Sequence (and feature) transform unit.</summary>
    Dwt,
    /// <summary>Activation quantizer.</summary>
    Quantizer,
    /// <summary>Dequantisation epilogue.</summary>
    Epilogue,
    /// <summary>Off-chip memory.</summary>
    Dram,
    /// <summary>On-chip buffers.</summary>
    Sram,
}

/// <summary>One priced action: its kind and, for buffer traffic, the buffer. <see cref="Name"/> is its key in the config's energy table.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Buffer">The buffer, for <see cref="ActionKind.BufferRead"/> and <see cref="ActionKind.BufferWrite"/>; null otherwise.</param>
public readonly record struct EnergyAction(ActionKind Kind, string? Buffer = null)
{
    /// <summary>The actions that do not depend on the buffers, in energy-table order.</summary>
    public static IReadOnlyList<EnergyAction> Fixed { get; } =
        [new(ActionKind.MacInt4), new(ActionKind.MacInt8Token), new(ActionKind.DwtAdd), new(ActionKind.DwtMul),
         new(ActionKind.QuantOp), new(ActionKind.EpilogueOp), new(ActionKind.DramRead), new(ActionKind.DramWrite)];

    /// <summary>Every action a design with these buffers needs priced: the fixed ones, then each buffer's read and write.</summary>
    public static IEnumerable<EnergyAction> Required(IEnumerable<string> buffers) =>
        Fixed.Concat(buffers.SelectMany(b => new EnergyAction[] { new(ActionKind.BufferRead, b), new(ActionKind.BufferWrite, b) }));

    /// <summary>The key in the energy table (<c>mac_int4</c>, <c>act_buffer_read</c>, ...).</summary>
    public string Name => Kind switch
    {
        ActionKind.BufferRead => $"{Buffer}_read",
        ActionKind.BufferWrite => $"{Buffer}_write",
        _ => ConfigNames.Of(Kind),
    };

    /// <summary>The component this action's energy is reported under.</summary>
    public CostComponent Component => Kind switch
    {
        ActionKind.MacInt4 or ActionKind.MacInt8Token => CostComponent.Mac,
        ActionKind.DwtAdd or ActionKind.DwtMul => CostComponent.Dwt,
        ActionKind.QuantOp => CostComponent.Quantizer,
        ActionKind.EpilogueOp => CostComponent.Epilogue,
        ActionKind.DramRead or ActionKind.DramWrite => CostComponent.Dram,
        _ => CostComponent.Sram,
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
