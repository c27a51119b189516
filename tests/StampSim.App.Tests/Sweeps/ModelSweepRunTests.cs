using StampSim.App.Sweeps;
using StampSim.Hardware;
using StampSim.ModelCost;
using StampSim.Reports.Run;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;
using StampSim.Tests.Support;

namespace StampSim.Tests.Sweeps;

public class ModelSweepRunTests
{
    private static string Config => Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");

    private const string Llama = "model: {arch: llama-3-8b, prompt: 2048, decode: 128}\n";

    // 16 points: array size, DRAM bandwidth and STaMP's high-precision tokens.
    private const string Axes = "axes:\n  mac_array.rows: [16, 32]\n  mac_array.cols: [16, 32]\n  dram.bandwidth: [25.6 GB/s, 51.2 GB/s]\n  numerics.hi_tokens: [32, 64]\n";

    private static string Spec(string dir, string text)
    {
        string path = Path.Combine(dir, "spec.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        return (PointsCsv.Split(lines[0]), lines.Skip(1).Select(PointsCsv.Split).ToList());
    }

    [Fact]
    public void Every_point_is_the_model_command_on_the_same_config_to_the_last_digit()
    {
        using var temp = new TempDir();
        string outDir = Path.Combine(temp.Root, "out");
        var spec = SweepSpec.Load(Spec(temp.Root, $"{Llama}config: {Config}\n{Axes}objectives: [ttft, tpot, energy_per_token, prefill_energy_per_token]\n"));
        using (var inputs = SweepInputs.Open(spec))
            Assert.Equal(16, SweepRunner.Run(inputs, new SweepRunOptions(outDir, Jobs: 2)).Points);
        var (header, rows) = ReadCsv(Path.Combine(outDir, SweepFolder.PointsFile));
        Assert.Equal(16, rows.Count);
        var arch = ArchitectureReader.Load("llama-3-8b");
        int Column(string name) => Array.IndexOf(header, name);
        int feasible = 0;
        foreach (var row in rows)
        {
            var sets = spec.Axes.Select(a => $"{a.Key}={row[Column(a.Key)]}").ToList();
            // What `stampsim model --config edge-npu.yaml --set ...` costs for this point.
            var config = ConfigSpec.LoadAll([Config], sets)[0];
            var variants = ModelCostModel.Evaluate(arch, new InferenceRequest(2048, 128), config.Config, config.Source);
            var (stamp, a4, a8) = (variants.Single(v => v.Variant == Variant.Stamp), variants.Single(v => v.Variant == Variant.A4), variants.Single(v => v.Variant == Variant.A8));
            string N(double? v) => PointsCsv.Number(v ?? double.NaN);
            Assert.Equal(stamp.Infeasible is null ? "true" : "false", row[Column("feasible")]);
            Assert.Equal(stamp.Infeasible ?? "", row[Column("reason")]);
            Assert.Equal(N(stamp.TtftSeconds), row[Column("ttft_s")]);
            Assert.Equal(N(stamp.TpotSeconds), row[Column("tpot_s")]);
            Assert.Equal(N(stamp.TokensPerSecond), row[Column("tokens_per_s")]);
            Assert.Equal(N(stamp.PrefillEnergyPerTokenJ), row[Column("prefill_energy_per_token_j")]);
            Assert.Equal(N(stamp.DecodeEnergyPerTokenJ), row[Column("decode_energy_per_token_j")]);
            Assert.Equal(N(stamp.EnergyJ), row[Column("energy_j")]);
            Assert.Equal(N(stamp.DramBytes), row[Column("dram_bytes")]);
            Assert.Equal("nan", row[Column("sqnr_db")]);
            if (stamp.Infeasible is not null) continue;
            feasible++;
            Assert.Equal(stamp.Prefill.Bound, row[Column("prefill_bound")]);
            Assert.Equal(stamp.Decode!.Bound, row[Column("decode_bound")]);
            Assert.NotEqual("", row[Column("decode_bound")]);
            Assert.Equal(N(stamp.TtftSeconds / a4.TtftSeconds), row[Column("ttft_vs_a4")]);
            Assert.Equal(N(stamp.DecodeEnergyPerTokenJ / a8.DecodeEnergyPerTokenJ), row[Column("decode_energy_vs_a8")]);
        }
        Assert.True(feasible > 0, "no feasible point: the comparison compared nothing but reasons");
    }

    [Fact]
    public void Pareto_file_holds_no_dominated_point()
    {
        using var temp = new TempDir();
        string outDir = Path.Combine(temp.Root, "out");
        var spec = SweepSpec.Load(Spec(temp.Root, $"{Llama}config: {Config}\n{Axes}objectives: [ttft, energy_per_token]\n"));
        using (var inputs = SweepInputs.Open(spec))
            SweepRunner.Run(inputs, new SweepRunOptions(outDir));
        var (header, rows) = ReadCsv(Path.Combine(outDir, SweepFolder.PointsFile));
        var (_, pareto) = ReadCsv(Path.Combine(outDir, SweepFolder.ParetoFile));
        int ttft = Array.IndexOf(header, "ttft_s"), energy = Array.IndexOf(header, "decode_energy_per_token_j"), ok = Array.IndexOf(header, "feasible");
        double[] Objectives(string[] r) => [PointsCsv.ParseNumber(r[ttft]), PointsCsv.ParseNumber(r[energy])];
        Assert.NotEmpty(pareto);
        Assert.True(pareto.Count < rows.Count(r => r[ok] == "true"), "every feasible point on the front: the objectives do not trade off here");
        foreach (var p in pareto)
            Assert.DoesNotContain(rows.Where(r => r[ok] == "true"), r => ParetoFront.Dominates(Objectives(r), Objectives(p)));
    }

    [Fact]
    public void With_the_bundled_trace_every_row_carries_ttft_and_sqnr()
    {
        using var temp = new TempDir();
        string outDir = Path.Combine(temp.Root, "out");
        var spec = SweepSpec.Load(Spec(temp.Root,
            $"model: {{arch: stories260K, prompt: 64, decode: 16}}\ntrace: bundled\nconfig: {Config}\n" +
            "axes:\n  mac_array.rows: [8, 16]\n  numerics.hi_tokens: [0, 16, 64]\nobjectives: [ttft, energy_per_token, sqnr]\n"));
        using (var inputs = SweepInputs.Open(spec))
        {
            var summary = SweepRunner.Run(inputs, new SweepRunOptions(outDir, Jobs: 2));
            Assert.Equal(6, summary.Points);
            // The golden numerics run once per hi_tokens setting, shared by both array sizes.
            Assert.Equal(3, summary.EngineRuns);
        }
        var (header, rows) = ReadCsv(Path.Combine(outDir, SweepFolder.PointsFile));
        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(double.IsFinite(PointsCsv.ParseNumber(row[Array.IndexOf(header, "ttft_s")])), string.Join(',', row));
            Assert.True(double.IsFinite(PointsCsv.ParseNumber(row[Array.IndexOf(header, "sqnr_db")])), string.Join(',', row));
        }
        // More high-precision tokens, less error.
        var sqnr = rows.Where(r => r[Array.IndexOf(header, "mac_array.rows")] == "8").Select(r => PointsCsv.ParseNumber(r[Array.IndexOf(header, "sqnr_db")])).ToArray();
        Assert.True(sqnr[0] < sqnr[2], $"SQNR {sqnr[0]} at hi_tokens 0 not below {sqnr[2]} at 64");
        Assert.NotEmpty(File.ReadAllLines(Path.Combine(outDir, SweepFolder.ParetoFile)).Skip(1));
    }

    [Fact]
    public void A_trace_of_another_model_is_refused_naming_spec_trace_and_layer()
    {
        using var temp = new TempDir();
        using var inputs = SweepInputs.Open(SweepSpec.Load(Spec(temp.Root, $"{Llama}trace: bundled\nconfig: {Config}\n{Axes}")));
        var e = Assert.Throws<InputException>(() => SweepRunner.Run(inputs, new SweepRunOptions(Path.Combine(temp.Root, "out"))));
        Assert.Contains("spec.yaml: trace: bundled trace", e.Message);
        Assert.Contains("does not match model.arch llama-3-8b: its layer", e.Message);
        Assert.False(File.Exists(Path.Combine(temp.Root, "out", SweepFolder.PointsFile)));
    }

    [Fact]
    public void Interrupted_model_sweep_resumes_to_the_same_file()
    {
        using var temp = new TempDir();
        string outDir = Path.Combine(temp.Root, "out");
        string path = Spec(temp.Root, $"{Llama}config: {Config}\n{Axes}");
        using (var inputs = SweepInputs.Open(SweepSpec.Load(path)))
            SweepRunner.Run(inputs, new SweepRunOptions(outDir));
        string points = Path.Combine(outDir, SweepFolder.PointsFile);
        var full = File.ReadAllLines(points);
        File.WriteAllText(points, string.Join("\n", full.Take(6)) + "\n" + full[6][..10]);
        using (var inputs = SweepInputs.Open(SweepSpec.Load(path)))
        {
            var summary = SweepRunner.Run(inputs, new SweepRunOptions(outDir));
            Assert.Equal(5, summary.Resumed);
            Assert.Equal(11, summary.Evaluated);
        }
        Assert.Equal(full, File.ReadAllLines(points));
    }
}
