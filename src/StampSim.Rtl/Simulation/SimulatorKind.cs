namespace StampSim.Rtl.Simulation;

/// <summary>The open-source simulators <see cref="Simulators"/> drives.</summary>
public enum SimulatorKind
{
    /// <summary>Verilator 5 (<c>--binary</c>, with timing).</summary>
    Verilator,
    /// <summary>Icarus Verilog (<c>iverilog -g2012</c> + <c>vvp</c>).</summary>
    Iverilog,
}
