using System.Text.Json.Nodes;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

/// <summary><c>crosscheck --dump</c> and <c>--external-dir</c>: the golden dump read back as a kernel's dump, then corrupted.</summary>
public class CrosscheckDumpTests
{
    private static readonly string[] Sets = ["--set", "numerics.hi_tokens=6", "--set", "numerics.act_group=8", "--set", "mac_array.rows=5"];

    [Fact]
    public void The_golden_dump_read_back_passes_every_stage()
    {
        using var dir = new TempDir();
        var (x, w, b) = Harness.WriteRandomLayer(dir, 11, 21, 24, 13);
        string dump = dir.File("golden");
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--dump", dump, .. Sets]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("inputs and 13 golden stages", r.Out);
        Assert.True(File.Exists(Path.Combine(dump, "manifest.json")));
        var stages = JsonNode.Parse(File.ReadAllText(Path.Combine(dump, "stages.json")))!["stages"]!.AsArray();
        Assert.Equal("acc", stages[8]!["name"]!.GetValue<string>());
        Assert.Equal("[21,3,13]", stages[8]!["shape"]!.ToJsonString());
        r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external-dir", dump, .. Sets]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("result      all 13 stages bit-identical", r.Out);
        Assert.Contains("overflow     golden GEMM: 0 adder-tree and 0 accumulator range events", r.Out);
        // The folder is StampSim's: a second dump into it needs --force.
        Harness.AssertBadInput(Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--dump", dump, .. Sets]), "golden");
    }

    [Fact]
    public void A_wrong_code_is_blamed_on_the_codes_with_its_inputs_and_the_json_names_the_stage()
    {
        using var dir = new TempDir();
        var (x, w, b) = Harness.WriteRandomLayer(dir, 11, 21, 24, 13);
        string dump = dir.File("golden");
        Assert.Equal(0, Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--dump", dump, .. Sets]).Code);
        string mine = Directory.CreateDirectory(dir.File("mine")).FullName;
        foreach (var name in new[] { "act_scale", "act_offset", "act_codes", "yt", "y" })
            File.Copy(Path.Combine(dump, name + ".npy"), Path.Combine(mine, name + ".npy"));
        var (shape, codes) = NpyFile.ReadInt64(Path.Combine(mine, "act_codes.npy"));
        codes[7 * 24 + 3] ^= 1;
        NpyFile.Write<long>(Path.Combine(mine, "act_codes.npy"), codes, shape);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external-dir", mine, "--json", dir.File("v.json"), .. Sets]);
        Assert.Equal(1, r.Code);
        Assert.Contains("act_codes: 1 differ from golden, 1 from its own inputs; token 7 (1 of 21); feature 3 (1 of 24)", r.Out);
        Assert.Contains("  [7, 3] expected ", r.Out);
        Assert.Contains("before rounding ", r.Out);
        Assert.Contains("first failing stage: act_codes", r.Out);
        var json = JsonNode.Parse(File.ReadAllText(dir.File("v.json")))!;
        Assert.Equal("act_codes", json["first_failing_stage"]!.GetValue<string>());
        Assert.Equal(5, json["stages"]!.AsArray().Count);
    }

    [Fact]
    public void An_adversarial_dump_holds_its_inputs_and_reports_what_it_exercises()
    {
        using var dir = new TempDir();
        string dump = dir.File("adv");
        string[] layer = ["--adversarial", "64,64,16", "--seed", "5", "--set", "numerics.hi_tokens=8"];
        var r = Harness.Run(["crosscheck", .. layer, "--dump", dump]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Matches(@"adversarial  [1-9]\d* activations on exact quantizer ties; max \|acc\| \d+", r.Out);
        foreach (var name in new[] { "x.npy", "w.npy", "b.npy", "acc.npy", "events.npy" })
            Assert.True(File.Exists(Path.Combine(dump, name)), name);
        // The same seed gives the same layer: its own golden dump passes.
        r = Harness.Run(["crosscheck", .. layer, "--external-dir", dump, "--tolerance", "ulp:2"]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("result      all 13 stages bit-identical", r.Out);
        Harness.AssertBadInput(Harness.Run(["crosscheck", "--adversarial", "64,64", "--dump", dir.File("b")]), "--adversarial: expected S,D,N");
        Harness.AssertBadInput(Harness.Run(["crosscheck", .. layer, "--external-dir", dump, "--tolerance", "2"]), "--tolerance: expected ulp:N");
    }

    [Fact]
    public void The_ilgpu_kernels_match_every_stage_of_an_adversarial_layer_with_a_wrapping_16_bit_accumulator()
    {
        var r = Harness.Run("crosscheck", "--adversarial", "128,64,32", "--seed", "2", "--accelerator", "cpu", "--set", "numerics.accumulator.acc_bits=16",
            "--set", "numerics.accumulator.tree_bits=16", "--set", "numerics.accumulator.overflow=wrap");
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("result      all 12 stages bit-identical", r.Out);
        Assert.DoesNotContain(" 0 range events", r.Out);   // the layer does overflow 16 bits
    }

    [Fact]
    public void Help_states_the_exit_codes()
    {
        var r = Harness.Run("crosscheck", "--help");
        Assert.Contains("Exit codes: 0 every compared stage matches, 1 any mismatch, 2 bad input.", r.Out);
        Assert.Contains("--external-act-codes", r.Out);
        Assert.Contains("min-max: unsigned 0..2^bits-1", r.Out);
    }
}
