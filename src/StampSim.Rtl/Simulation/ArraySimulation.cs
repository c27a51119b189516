using System.Globalization;
using System.Text.RegularExpressions;
using StampSim.Rtl.Systolic;

namespace StampSim.Rtl.Simulation;

/// <summary>What the whole array's testbench reports: cycles by phase, and the check of every accumulator.</summary>
/// <param name="Cycles">Cycles from the first weight write to the last partial sum, inclusive.</param>
/// <param name="HiStream">Cycles streaming a high-precision token's slot.</param>
/// <param name="LoStream">Cycles streaming a low-precision token's slot.</param>
/// <param name="Stall">Cycles the array stalled for a weight not yet loaded.</param>
/// <param name="LoadWait">Cycles the sequencer waited for a fold's weights (single-buffered).</param>
/// <param name="LoaderBusy">Cycles in which the loader wrote.</param>
/// <param name="Checked">Accumulators checked.</param>
/// <param name="Mismatches">Accumulators and event counts that differ from the golden ones.</param>
/// <param name="FirstMismatch">The first difference, as the testbench printed it.</param>
/// <param name="CompileSeconds">Build time.</param>
/// <param name="SimulateSeconds">Run time.</param>
public sealed record ArraySimulationResult(long Cycles, long HiStream, long LoStream, long Stall, long LoadWait, long LoaderBusy,
    long Checked, long Mismatches, string? FirstMismatch, double CompileSeconds, double SimulateSeconds)
{
    /// <summary>Cycles after the last slot entered, until the last partial sum (the array's fill and drain, and the single-buffered drains).</summary>
    public long FillDrain => Cycles - HiStream - LoStream - Stall - LoadWait;
}

/// <summary>
/// Builds <c>stamp_ws_tb</c> for one GEMM in Verilator and runs it over the images of <see cref="ArrayFiles"/>. Verilator only:
/// Icarus Verilog 12 does not support constant part-selects in <c>always_comb</c>, which the loader is written with.
/// </summary>
public static partial class ArraySimulation
{
    /// <summary>Runs the array on the GEMM whose images are in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InputException">The simulator is missing, the RTL does not compile, or the run ends without a result.</exception>
    public static ArraySimulationResult Run(IReadOnlyList<string> sources, int tokens, int features, int outputs, int groups,
        int folds, long cycleLimit, string dataDirectory, string workDirectory)
    {
        var (run, compileSeconds) = Simulators.BuildAndRun(SimulatorKind.Verilator, sources, "stamp_ws_tb",
            [("M", tokens), ("K", features), ("N", outputs), ("G", groups), ("FOLDS", folds), ("LIMIT", cycleLimit)], dataDirectory, workDirectory);
        var result = ResultLine().Match(run.Output);
        var cycles = CyclesLine().Match(run.Output);
        if (!result.Success || !cycles.Success)
            throw new InputException($"verilator: the array simulation ended without a result: {run.FirstErrorLine()}");
        var mismatch = MismatchLine().Match(run.Output);
        return new ArraySimulationResult(Long(cycles, "total"), Long(cycles, "hi"), Long(cycles, "lo"), Long(cycles, "stall"), Long(cycles, "load"),
            Long(cycles, "busy"), Long(result, "vectors"), Long(result, "mismatches"), mismatch.Success ? mismatch.Groups["text"].Value : null,
            compileSeconds, run.Seconds);
    }

    private static long Long(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"CYCLES total=(?<total>\d+) hi=(?<hi>\d+) lo=(?<lo>\d+) stall=(?<stall>\d+) load=(?<load>\d+) loader_busy=(?<busy>\d+)")]
    private static partial Regex CyclesLine();

    [GeneratedRegex(@"RESULT vectors=(?<vectors>\d+) mismatches=(?<mismatches>\d+)")]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"MISMATCH (?<text>[^\r\n]*)")]
    private static partial Regex MismatchLine();
}
