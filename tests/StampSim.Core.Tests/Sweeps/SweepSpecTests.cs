using StampSim.Sweeps;

namespace StampSim.Tests.Sweeps;

public class SweepSpecTests
{
    [Fact]
    public void Minimal_form_reads()
    {
        var s = SweepSpec.Parse("trace: bundled\nconfig: hwconfigs/edge-npu.yaml\naxes:\n  mac_array.rows: [8, 16, 32]\n  numerics.hi_tokens: [0, 16, 64]\n", "s.yaml");
        Assert.Equal(["bundled"], s.Traces);
        Assert.Equal(["hwconfigs/edge-npu.yaml"], s.Configs);
        Assert.Equal(9, s.GridSize);
        Assert.Equal(["8", "16", "32"], s.Axes[0].Values);
        Assert.Equal(["energy_pj", "cycles", "sqnr_db"], s.Objectives.Select(o => o.Name));
    }

    [Fact]
    public void Ranges_and_log_ranges_expand_with_units()
    {
        var s = SweepSpec.Parse("config: x\naxes:\n  a: {from: 64, to: 256, step: 64, unit: KiB}\n  b: {log_from: 8, log_to: 128, steps: 5}\n  c: {log_from: 6.4, log_to: 25.6, steps: 3, unit: GB/s}\n", "s.yaml");
        Assert.Equal(["64 KiB", "128 KiB", "192 KiB", "256 KiB"], s.Axes[0].Values);
        Assert.Equal(["8", "16", "32", "64", "128"], s.Axes[1].Values);
        Assert.Equal(["6.4 GB/s", "12.8 GB/s", "25.6 GB/s"], s.Axes[2].Values);
    }

    [Fact]
    public void Model_workload_reads_with_its_defaults_and_objectives()
    {
        var s = SweepSpec.Parse("model: {arch: llama-3-8b, prompt: 512}\nconfig: x\naxes: {a: [1, 2]}\n", "s.yaml");
        Assert.Equal(new SweepModel("llama-3-8b", new StampSim.ModelCost.InferenceRequest(512, 128, 1)), s.Model);
        Assert.Empty(s.Traces);
        Assert.Equal(1, s.Workloads);
        Assert.Equal(["ttft_s", "decode_energy_per_token_j"], s.Objectives.Select(o => o.Name));
        var withTrace = SweepSpec.Parse("model: {arch: stories260K, batch: 4}\ntrace: bundled\nconfig: x\naxes: {a: [1]}\nobjectives: [tpot, prefill_energy_per_token, sqnr]\n", "s.yaml");
        Assert.Equal(["bundled"], withTrace.Traces);
        Assert.Equal(4, withTrace.Model!.Request.Batch);
        Assert.Equal([("tpot_s", false), ("prefill_energy_per_token_j", false), ("sqnr_db", true)], withTrace.Objectives.Select(o => (o.Name, o.Maximize)));
    }

    [Theory]
    [InlineData("model: {arch: x, promt: 5}\nconfig: x\naxes: {a: [1]}\n", "s.yaml:1:18: unknown key 'model.promt'")]
    [InlineData("model: {prompt: 5}\nconfig: x\naxes: {a: [1]}\n", "missing required key 'model.arch'")]
    [InlineData("model: {arch: x, decode: -1}\nconfig: x\naxes: {a: [1]}\n", "model.decode")]
    [InlineData("model: {arch: x}\nconfig: x\naxes: {a: [1]}\nobjectives: [sqnr]\n", "unknown objective 'sqnr' for this workload (expected one of: ttft, tpot, energy_per_token, prefill_energy_per_token, dram_bytes)")]
    [InlineData("model: {arch: x}\nconfig: x\naxes: {a: [1]}\nobjectives: [energy]\n", "unknown objective 'energy'")]
    [InlineData("config: x\naxes: {a: [1]}\nobjectives: [ttft]\n", "unknown objective 'ttft'")]
    public void Model_workload_errors_name_the_place(string yaml, string message)
    {
        var e = Assert.Throws<InputException>(() => SweepSpec.Parse(yaml, "s.yaml"));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("config: x\n", "axes: a sweep needs at least one axis")]
    [InlineData("axes: {a: [1]}\n", "missing required key 'config'")]
    [InlineData("config: x\naxes: {a: []}\n", "axes.a: an axis needs at least one value")]
    [InlineData("config: x\naxes: {a: {from: 4, to: 2, step: 1}}\n", "axes.a.to: must not be below from")]
    [InlineData("config: x\naxes: {a: {from: 1, to: 2}}\n", "missing required key 'axes.a.step'")]
    [InlineData("config: x\naxes: {a: [1]}\nsampling: sobol\n", "sampling: expected 'grid' or {random: N, seed: S}")]
    [InlineData("config: x\naxes: {a: [1]}\nconstraints: ['a <= ']\n", "constraint 'a <= ' at column 6: expected a number, a config key or '('")]
    [InlineData("config: x\naxes: {a: [1]}\nobjectives: [power]\n", "unknown objective 'power'")]
    [InlineData("config: x\naxez: {a: [1]}\n", "unknown key 'axez'; did you mean 'axes'?")]
    [InlineData("config: x\nconfigs: [y]\naxes: {a: [1]}\n", "give either 'config' or 'configs', not both")]
    public void Validation_errors_name_the_key(string yaml, string message)
    {
        var e = Assert.Throws<InputException>(() => SweepSpec.Parse(yaml, "s.yaml"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("s.yaml", e.Message);
    }

    [Theory]
    [InlineData("mac_array.rows * mac_array.cols <= 16384", 128, 128, true)]
    [InlineData("mac_array.rows * mac_array.cols <= 16384", 256, 128, false)]
    [InlineData("mac_array.rows >= 16 && !(mac_array.cols == 8)", 16, 8, false)]
    [InlineData("mac_array.rows < 16 || mac_array.cols / 2 > 10", 32, 32, true)]
    [InlineData("-mac_array.rows + 2 * (mac_array.cols - 1) != 1", 2, 2, true)]
    [InlineData("1e2 == mac_array.rows", 100, 1, true)]
    public void Constraints_evaluate(string text, double rows, double cols, bool expected)
    {
        var c = ConstraintExpression.Parse(text);
        Assert.Equal(expected, c.Holds(k => k == "mac_array.rows" ? rows : cols));
        Assert.Contains("mac_array.rows", c.Keys);
    }
}
