using StampSim.Rtl;
using StampSim.Tests.Support;

namespace StampSim.Tests;

public class RtlEmitterTests
{
    [Fact]
    public void The_package_carries_the_configured_parameters_and_no_placeholder_is_left()
    {
        var design = RtlDesign.From(RtlBench.Config("bitfusion", "mac_array.rows=7", "numerics.accumulator.tree_bits=11",
            "numerics.accumulator.acc_bits=13", "numerics.accumulator.overflow=wrap"));
        string pkg = RtlEmitter.ConfigPackageText(design, "bitfusion.yaml");
        Assert.Contains("localparam int ROWS = 7;", pkg);
        Assert.Contains("localparam int TREE_BITS = 11;", pkg);
        Assert.Contains("localparam int ACC_BITS = 13;", pkg);
        Assert.Contains("localparam bit SATURATE = 1'b0;", pkg);
        Assert.Contains("localparam int MULT_MODE = 2;", pkg);
        Assert.Contains("eight_bit_mode fused", pkg);
        Assert.DoesNotContain("{{", pkg);
    }

    [Fact]
    public void Emit_writes_every_file_in_compile_order()
    {
        using var dir = new TempDir();
        var paths = RtlEmitter.Emit(RtlDesign.From(RtlBench.Config("edge-npu")), "edge-npu.yaml", dir.Root);
        Assert.Equal(RtlEmitter.AllFiles, paths.Select(p => Path.GetFileName(p)).ToArray());
        Assert.Equal(RtlEmitter.ConfigPackage, Path.GetFileName(paths[0]));
        Assert.Equal(RtlEmitter.Testbench, Path.GetFileName(paths[^1]));
        Assert.Contains("package stamp_config_pkg;", File.ReadAllText(paths[0]));
        foreach (var p in paths.Skip(1))
            Assert.Contains($"module {Path.GetFileNameWithoutExtension(p)}", File.ReadAllText(p));
        Assert.Contains("$readmemh(\"act.hex\"", File.ReadAllText(paths[^1]));
    }

    [SkippableTheory]
    [InlineData(RtlMultiplier.Int4)]
    [InlineData(RtlMultiplier.Int4TwoPass)]
    [InlineData(RtlMultiplier.Int4Fused)]
    [InlineData(RtlMultiplier.Int8)]
    public void Every_multiplier_mode_passes_verilator_lint(RtlMultiplier multiplier)
    {
        Tools.Require("verilator");
        using var dir = new TempDir();
        var design = RtlDesign.From(RtlBench.Config("edge-npu", "mac_array.rows=5", "numerics.accumulator.tree_bits=9")).WithMultiplier(multiplier);
        var paths = RtlEmitter.Emit(design, "lint", dir.Root);
        var verilator = ExternalTool.Require("verilator", "verilator");
        var lint = verilator.Run(["--lint-only", "--timing", "-Wall", "-Wno-DECLFILENAME", "-Wno-UNUSEDSIGNAL", "-Wno-UNUSEDPARAM", "--top-module", "stamp_mac_tb", .. paths], dir.Root);
        Assert.True(lint.ExitCode == 0, lint.Error);
    }

    [Fact]
    public void A_missing_simulator_is_a_one_line_install_hint()
    {
        var e = Assert.Throws<InputException>(() => ExternalTool.Require("no-such-simulator-stampsim", "no-such-package"));
        Assert.Equal("no-such-simulator-stampsim: not found on PATH; install it with 'apt-get install no-such-package' (Debian/Ubuntu) or your platform's package manager", e.Message);
        Assert.Null(ExternalTool.Find("no-such-simulator-stampsim"));
    }
}
