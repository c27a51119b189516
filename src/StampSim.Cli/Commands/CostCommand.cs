using System.CommandLine;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Reports.Schemas;
using StampSim.Reports;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim cost</c>: cycles, traffic and energy of one layer shape, STaMP vs A4 vs A8.</summary>
internal static class CostCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var gemm = new Option<string>("--gemm") { Description = "Layer shape s,d,n (tokens, in features, out features)", Required = true };
        var bias = new Option<bool>("--bias") { Description = "The layer adds a bias" };
        var json = new Option<string?>("--json") { Description = "Write the full result as JSON" };
        var cmd = new Command("cost", "Cost of one layer shape on an accelerator: cycles, memory traffic, energy (STaMP vs uniform A4 and A8).")
        {
            config, set, gemm, bias, json,
        };
        cmd.SetAction(p =>
        {
            string? path = p.GetValue(config);
            var cfg = StampConfig.Load(path, p.GetValue(set) ?? []);
            RequireAccelerator(cfg, path);
            LayerShape shape;
            try { shape = LayerShape.Parse(p.GetValue(gemm)!) with { HasBias = p.GetValue(bias) }; }
            catch (FormatException e) { throw new InputException($"--gemm: {e.Message}"); }
            string? jsonPath = p.GetValue(json);
            using var outputs = new OutputSet([path]);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");

            var comparison = LayerEvaluator.Cost(new LayerSubject("--gemm"), shape, cfg)!;
            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, CostJson.Text(shape, comparison, cfg));
                outputs.Commit();
            }
            CostTable.Print(console, cfg, shape, comparison);
            return 0;
        });
        return cmd;
    }

    /// <summary>The config's accelerator, or a clear error naming the file.</summary>
    public static AcceleratorConfig RequireAccelerator(StampConfig cfg, string? path) =>
        cfg.Accelerator ?? throw new InputException(
            $"{path ?? "(embedded default)"}: the config has no accelerator description (clock_ghz, dwt_unit, quantizer, epilogue, buffers, dram, energy); the cost model needs one (see hwconfigs/)");
}
