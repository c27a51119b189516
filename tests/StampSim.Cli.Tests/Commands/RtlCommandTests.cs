using StampSim.Rtl;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

public class RtlCommandTests
{
    private static readonly string[] Random = ["--random", "3", "--d", "21", "--n", "2", "--seed", "4", "--set", "numerics.hi_tokens=1", "--set", "mac_array.rows=5"];

    private static void Require(string program) =>
        Skip.If(ExternalTool.Find(program) is null, $"not installed: {program} (apt-get install verilator iverilog yosys)");

    [Fact]
    public void Emit_writes_the_column_and_its_testbench()
    {
        using var dir = new TempDir();
        var r = Harness.Run("rtl", "emit", "--set", "mac_array.rows=7", "--out", dir.Root);
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal("wrote 7 files to " + dir.Root + ": rows 7, int4 two_pass, 4-bit weights, tree 32 bit, acc 32 bit, saturate\n", r.Out);
        Assert.Contains("stamp_mac_column.sv", dir.Files);
        Assert.Contains("localparam int ROWS = 7;", File.ReadAllText(dir.File("stamp_config_pkg.sv")));
    }

    [Fact]
    public void Vectors_writes_npy_with_the_documented_shapes()
    {
        using var dir = new TempDir();
        var r = Harness.Run(["rtl", "vectors", .. Random, "--out", dir.Root]);
        Assert.True(r.Code == 0, r.Err);
        Assert.StartsWith("wrote 30 vectors to ", r.Out);   // 3 tokens x 2 channels x 5 chunks
        Assert.Equal([3L, 21], NpyFile.ReadInt64(dir.File("act_codes.npy")).Shape);
        Assert.Equal([2L, 21], NpyFile.ReadInt64(dir.File("weight_codes.npy")).Shape);
        Assert.Equal([3L, 1, 2], NpyFile.ReadInt64(dir.File("acc.npy")).Shape);
        Assert.Equal([2L], NpyFile.ReadInt64(dir.File("events.npy")).Shape);
    }

    [SkippableFact]
    public void Verify_passes_the_emitted_rtl_and_fails_a_broken_one_with_exit_1()
    {
        Require("iverilog");
        using var dir = new TempDir();
        string[] overflow = ["--set", "numerics.accumulator.tree_bits=8", "--set", "numerics.accumulator.overflow=wrap"];
        var ok = Harness.Run(["rtl", "verify", .. Random, .. overflow, "--simulator", "iverilog", "--out", dir.File("good")]);
        Assert.True(ok.Code == 0, ok.Err + ok.Out);
        Assert.Contains("iverilog: 30 vectors, 0 mismatches (build ", ok.Out);

        // The user's RTL: the emitted column with the tree's wrap turned into saturation.
        string rtl = dir.File("mine");
        Directory.CreateDirectory(rtl);
        foreach (var f in RtlEmitter.DesignFiles)
            File.Copy(Path.Combine(dir.File("good"), "rtl", f), Path.Combine(rtl, f));
        string column = Path.Combine(rtl, "stamp_mac_column.sv");
        File.WriteAllText(column, File.ReadAllText(column).Replace(".SATURATE(SATURATE)", ".SATURATE(1'b1)"));
        var bad = Harness.Run(["rtl", "verify", .. Random, .. overflow, "--simulator", "iverilog", "--rtl", rtl]);
        Assert.True(bad.Code == 1, bad.Err + bad.Out);
        Assert.Contains("first mismatch at (token ", bad.Out);
        Assert.Contains("RTL from " + rtl, bad.Out);
    }

    [Fact]
    public void Folders_are_written_whole_never_into_a_users_folder_and_replaced_only_when_ours_and_unedited()
    {
        using var dir = new TempDir();
        string emit = dir.File("emit");
        Assert.Equal(0, Harness.Run("rtl", "emit", "--out", emit).Code);
        Assert.Contains("manifest.json", Directory.GetFiles(emit).Select(Path.GetFileName));
        Harness.AssertBadInput(Harness.Run("rtl", "emit", "--out", emit), "emit: already exists and is not empty");
        Assert.Equal(0, Harness.Run("rtl", "emit", "--set", "mac_array.rows=7", "--out", emit, "--force").Code);
        Assert.Contains("localparam int ROWS = 7;", File.ReadAllText(Path.Combine(emit, "stamp_config_pkg.sv")));

        // A hand-edited column makes the folder the user's: even --force leaves it as it is.
        string column = Path.Combine(emit, "stamp_mac_column.sv");
        File.WriteAllText(column, "// mine\n");
        Harness.AssertBadInput(Harness.Run("rtl", "emit", "--out", emit, "--force"), "stamp_mac_column.sv was changed after it was written");
        Assert.Equal("// mine\n", File.ReadAllText(column));

        // Another kind's folder, a user's folder and a file are refused by every folder-writing subcommand.
        Harness.AssertBadInput(Harness.Run(["rtl", "vectors", .. Random, "--out", emit, "--force"]), "is not a complete StampSim 'stampsim-rtl-vectors' folder");
        string mine = dir.File("mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "x");
        Harness.AssertBadInput(Harness.Run(["rtl", "vectors", .. Random, "--out", mine, "--force"]), "no manifest.json");
        Harness.AssertBadInput(Harness.Run(["rtl", "verify", .. Random, "--out", mine]), "mine: is not empty and is not a complete StampSim 'stampsim-rtl-verify' folder");
        Harness.AssertBadInput(Harness.Run("rtl", "emit", "--out", Path.Combine(mine, "notes.txt")), "notes.txt: exists and is a file; choose another --out");
        Assert.Equal("x", File.ReadAllText(Path.Combine(mine, "notes.txt")));
        Assert.Single(Directory.GetFiles(mine));
    }

    [SkippableFact]
    public void Verify_keeps_its_folder_at_a_relative_out()
    {
        Require("iverilog");
        using var dir = new TempDir();
        using var child = ChildCli.Start(dir.Root, ["rtl", "verify", .. Random, "--simulator", "iverilog", "--out", "vdir"]);
        Assert.True(child.WaitForExit(300_000), "rtl verify did not finish in 5 minutes");
        Assert.True(child.ExitCode == 0, $"exit code {child.ExitCode}");
        Assert.True(File.Exists(Path.Combine(dir.File("vdir"), "rtl", "stamp_config_pkg.sv")));
        Assert.True(File.Exists(Path.Combine(dir.File("vdir"), "manifest.json")));
    }

    [SkippableFact]
    public void Synth_reports_three_variants_and_the_whole_array_and_writes_json()
    {
        Require("yosys");
        using var dir = new TempDir();
        var r = Harness.Run("rtl", "synth", "--set", "mac_array.rows=2", "--set", "mac_array.cols=2", "--json", dir.File("s.json"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("energy table mac_int8_token / mac_int4 = 2.00", r.Out);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("s.json")));
        foreach (var key in new[] { "int4", "int8", "int8_two_pass" })
        {
            Assert.True(json.RootElement.GetProperty(key).GetProperty("cells").GetInt64() > 0);
            Assert.True(json.RootElement.GetProperty(key).GetProperty("transistors").GetInt64() > 0);
        }
        Assert.Contains("rtl synth: the whole array, 2 x 2 PEs, double-buffered weights", r.Out);
        var array = json.RootElement.GetProperty("array");
        Assert.Equal((2, 2, "synthesis"), (array.GetProperty("rows").GetInt32(), array.GetProperty("cols").GetInt32(), array.GetProperty("array_from").GetString()));
        Assert.True(array.GetProperty("array").GetProperty("flip_flops").GetInt64() > array.GetProperty("pe").GetProperty("flip_flops").GetInt64());
    }

    [Theory]
    [InlineData("--simulator", "modelsim", "--simulator: unknown simulator 'modelsim'")]
    [InlineData("--rtl", "/no/such/rtl/dir", "--rtl: /no/such/rtl/dir: directory not found")]
    [InlineData("--set", "numerics.weight_bits=8", "numerics.weight_bits: 8-bit weights exceed mac_array.weight_bits = 4")]
    public void Verify_bad_input_is_one_line_and_exit_2(string option, string value, string message) =>
        Harness.AssertBadInput(Harness.Run(["rtl", "verify", .. Random, option, value]), message);

    [Fact]
    public void An_optional_number_is_refused_in_words_not_as_a_dotnet_type()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("rtl", "vectors", "--random", "é", "--out", dir.File("v")), "--random: expected an integer, got 'é'");
        Harness.AssertBadInput(Harness.Run(["rtl", "vectors", .. Random, "--tokens", "99999999999", "--out", dir.File("v")]), "--tokens: 99999999999 is out of range (at most 2147483647)");
    }

    [Fact]
    public void Vectors_needs_exactly_one_source()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("rtl", "vectors", "--out", dir.Root), "give exactly one vector source");
        Harness.AssertBadInput(Harness.Run(["rtl", "vectors", .. Random, "--trace", "bundled", "--out", dir.Root]), "give exactly one vector source");
        Harness.AssertBadInput(Harness.Run(["rtl", "vectors", .. Random, "--tokens", "9", "--out", dir.Root]), "--tokens: must be between 1 and the layer's 3 tokens");
    }

    private static readonly string[] Small = ["--config", Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml"), "--set", "mac_array.rows=4", "--set", "mac_array.cols=4"];

    [SkippableFact]
    public void Cycles_runs_the_array_prints_both_counts_and_writes_the_documented_json()
    {
        Require("verilator");
        using var dir = new TempDir();
        var r = Harness.Run(["rtl", "cycles", .. Small, "--set", "numerics.hi_tokens=2", "--gemm", "5,12,6", "--json", dir.File("c.json"), "--keep", dir.File("keep")]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("outputs: 30 accumulators and 2 event counts, 0 mismatches", r.Out);
        Assert.Contains(": PASS (build ", r.Out);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("c.json")));
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("rtl_cycles").GetInt64(), root.GetProperty("model_cycles").GetInt64());
        Assert.Equal(0, root.GetProperty("mismatches").GetInt64());
        Assert.Equal(2, root.GetProperty("hi_tokens").GetInt32());
        var rtl = root.GetProperty("phases").GetProperty("rtl");
        Assert.Equal(root.GetProperty("rtl_cycles").GetInt64(),
            rtl.GetProperty("stream_hi").GetInt64() + rtl.GetProperty("stream_lo").GetInt64() + rtl.GetProperty("fill_drain").GetInt64() + rtl.GetProperty("weight_load").GetInt64());
        Assert.True(File.Exists(Path.Combine(dir.File("keep"), "rtl", "stamp_ws_system.sv")));
        Assert.True(File.Exists(Path.Combine(dir.File("keep"), "data", "prog.hex")));
    }

    [Theory]
    [InlineData("--gemm", "5,12", "--gemm: expected three positive integers")]
    [InlineData("--gemm", "70000,8,8", "--gemm 70000,8,8: the RTL's fold schedule holds dimensions up to 65535")]
    [InlineData("--gemm", "4096,4096,4096", "--gemm 4096,4096,4096: 17179869184 accumulator chunks")]
    [InlineData("--mapping", "diagonal,8,8", "--mapping: expected LOOP_ORDER,TILE_TOKENS,TILE_OUTPUTS")]
    [InlineData("--tolerance", "-1", "--tolerance: must be a non-negative percentage")]
    [InlineData("--set", "mac_array.dataflow=os", "mac_array.dataflow: the array RTL is weight stationary")]
    [InlineData("--set", "mac_array.weight_load_bandwidth=0.3", "mac_array.weight_load_bandwidth: 0.3 B/cycle is not a whole number")]
    public void Cycles_bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        string[] gemm = option == "--gemm" ? [] : ["--gemm", "5,12,6"];
        Harness.AssertBadInput(Harness.Run(["rtl", "cycles", .. Small, .. gemm, option, value]), message);
    }

    [Fact]
    public void Cycles_will_not_keep_its_files_in_a_directory_with_the_users_files()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("mine.txt"), "keep me");
        Harness.AssertBadInput(Harness.Run(["rtl", "cycles", .. Small, "--gemm", "5,12,6", "--keep", dir.Root]), "--keep: " + dir.Root + ": exists and is not an empty directory");
        Assert.Equal("keep me", File.ReadAllText(dir.File("mine.txt")));
    }
}
