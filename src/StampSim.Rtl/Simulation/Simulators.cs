using System.Globalization;
using System.Text.RegularExpressions;

namespace StampSim.Rtl.Simulation;

/// <summary>
/// Builds the testbench with a design and runs it over a vector directory in Verilator or Icarus
/// Verilog, then reads the testbench's MISMATCH and RESULT lines.
/// </summary>
public static partial class Simulators
{
    /// <summary>
    /// Compiles <paramref name="sources"/> (compile order: package, design, testbench) in <paramref name="workDirectory"/>
    /// and runs the testbench with the vector files of <paramref name="vectorDirectory"/>.
    /// </summary>
    /// <exception cref="InputException">The simulator is missing, the RTL does not compile, or the run ends without a result.</exception>
    public static SimulationResult Run(SimulatorKind kind, IReadOnlyList<string> sources, string vectorDirectory, long records, string workDirectory)
    {
        if (records < 1) throw new InputException($"{vectorDirectory}: the vector set is empty");
        var (run, compileSeconds) = BuildAndRun(kind, sources, "stamp_mac_tb", [("RECORDS", records)], vectorDirectory, workDirectory);
        return Parse(kind, run, compileSeconds);
    }

    /// <summary>
    /// Compiles <paramref name="sources"/> with <paramref name="top"/> as the top module and its
    /// <paramref name="parameters"/> overridden, in <paramref name="workDirectory"/>, and runs it in <paramref name="dataDirectory"/>
    /// (where its <c>$readmemh</c> images are).
    /// </summary>
    /// <exception cref="InputException">The simulator is missing or the RTL does not compile.</exception>
    internal static (ExternalTool.Outcome Run, double CompileSeconds) BuildAndRun(SimulatorKind kind, IReadOnlyList<string> sources, string top,
        IReadOnlyList<(string Name, long Value)> parameters, string dataDirectory, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        ExternalTool.Outcome compile, run;
        if (kind == SimulatorKind.Verilator)
        {
            var verilator = ExternalTool.Require("verilator", "verilator");
            string objDir = Path.Combine(workDirectory, "verilator");
            compile = verilator.Run(
                ["--binary", "-j", "2", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", top,
                 .. parameters.Select(p => $"-G{p.Name}={p.Value.ToString(CultureInfo.InvariantCulture)}"), "--Mdir", objDir, .. sources], workDirectory);
            string binary = Path.Combine(objDir, "V" + top);
            if (compile.ExitCode != 0 || !File.Exists(binary))
                throw new InputException($"verilator: the RTL does not build: {compile.FirstErrorLine()}");
            run = new ExternalTool("V" + top, binary).Run([], dataDirectory);
        }
        else
        {
            var iverilog = ExternalTool.Require("iverilog", "iverilog");
            var vvp = ExternalTool.Require("vvp", "iverilog");
            string image = Path.Combine(workDirectory, top + ".vvp");
            compile = iverilog.Run(["-g2012", "-s", top, .. parameters.Select(p => $"-P{top}.{p.Name}={p.Value.ToString(CultureInfo.InvariantCulture)}"),
                "-o", image, .. sources], workDirectory);
            if (compile.ExitCode != 0 || !File.Exists(image))
                throw new InputException($"iverilog: the RTL does not build: {compile.FirstErrorLine()}");
            run = vvp.Run(["-n", image], dataDirectory);
        }
        return (run, compile.Seconds);
    }

    /// <summary>Reads the testbench's output.</summary>
    /// <exception cref="InputException">No RESULT line: the simulation failed.</exception>
    internal static SimulationResult Parse(SimulatorKind kind, ExternalTool.Outcome run, double compileSeconds)
    {
        var result = ResultLine().Match(run.Output);
        if (!result.Success)
            throw new InputException($"{Name(kind)}: the simulation ended without a result: {run.FirstErrorLine()}");
        Mismatch? first = null;
        if (MismatchLine().Match(run.Output) is { Success: true } m)
            first = new Mismatch(Int(m, "token"), Int(m, "channel"), Int(m, "chunk"), m.Groups["field"].Value, Long(m, "expected"), Long(m, "actual"));
        return new SimulationResult(kind, Long(result, "vectors"), Long(result, "mismatches"), first, compileSeconds, run.Seconds);
    }

    /// <summary>The simulator's command name.</summary>
    public static string Name(SimulatorKind kind) => kind == SimulatorKind.Verilator ? "verilator" : "iverilog";

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static long Long(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"RESULT vectors=(?<vectors>\d+) mismatches=(?<mismatches>\d+)")]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"MISMATCH token=(?<token>\d+) channel=(?<channel>\d+) chunk=(?<chunk>\d+) field=(?<field>\w+) expected=(?<expected>-?\d+) actual=(?<actual>-?\d+)")]
    private static partial Regex MismatchLine();
}
