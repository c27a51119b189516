using System.CommandLine;
using StampSim.Numerics;
using StampSim.Rtl;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim rtl</c>: RTL co-verification (emit, vectors, verify, synth); docs/rtl.md.</summary>
internal static class RtlCommand
{
    public static Command Create(CliConsole console) =>
        new("rtl", "RTL co-verification: emit a SystemVerilog MAC column, write golden test vectors, verify RTL in Verilator or Icarus, synthesise with Yosys.")
        {
            RtlEmitCommand.Create(console),
            RtlVectorsCommand.Create(console),
            RtlVerifyCommand.Create(console),
            RtlSynthCommand.Create(console),
            RtlCyclesCommand.Create(console),
        };

    /// <summary>The <c>--force</c> of the folder-writing subcommands.</summary>
    public static Option<bool> Force() =>
        new("--force") { Description = "Replace an existing --out folder that an earlier run of the same subcommand wrote (the old one is removed only once the new one is complete)" };

    /// <summary>The command line as typed, program name first, for the folder's manifest.</summary>
    public static string[] CommandLine(ParseResult p) => ["stampsim", .. p.Tokens.Select(t => t.Value)];

    /// <summary>One line naming the design, for every subcommand's header.</summary>
    public static string Describe(RtlDesign d) =>
        $"rows {d.Rows}, {d.Multiplier switch
        {
            RtlMultiplier.Int8 => "int8 native",
            RtlMultiplier.Int4Fused => "int4 fused",
            RtlMultiplier.Int4TwoPass => "int4 two_pass",
            _ => "int4 native",
        }}, {d.WeightWidth}-bit weights, tree {d.TreeBits} bit, acc {d.AccBits} bit, {ConfigNames.Of(d.Overflow)}";
}
