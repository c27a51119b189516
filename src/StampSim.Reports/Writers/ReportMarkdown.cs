using System.Globalization;
using System.Text;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Reports.Plots;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary><c>report.md</c>: what was run, totals and ratios, the per-layer table, the plots, and how to read them.</summary>
public static class ReportMarkdown
{
    /// <summary>Builds the document.</summary>
    public static string Build(RunResult run, IReadOnlyList<PlotFile> plots)
    {
        var p = run.Provenance;
        var sb = new StringBuilder();
        sb.Append($"# StampSim report: {run.Trace.Name} on {string.Join(", ", run.Configs.Select(c => c.Label))}\n\n");
        string checkout = p.Git.Commit == Provenance.GitCommit.Unknown
            ? "the working directory is not a git checkout"
            : $"run in a checkout at `{GitCommit.Abbreviate(p.Git.Commit)}`{(p.Git.Dirty == true ? " with uncommitted changes" : "")}";
        sb.Append($"Made by stampsim {p.ToolVersion} (built from commit `{GitCommit.Abbreviate(p.BuildCommit)}`; {checkout}) ")
          .Append($"on {p.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC in {(p.Finished - p.Started).TotalSeconds:0.0} s:\n\n");
        sb.Append($"```\n{p.CommandText}\n```\n\n");
        Trace(sb, run);
        foreach (var config in run.Configs)
            Config(sb, run, config, plots.Where(x => x.Config == config.Label).ToList());
        sb.Append($"## Focus layer: `{run.Focus.Choice.Layer.Name}`\n\n")
          .Append($"Shape {run.Focus.Choice.Shape}; {run.Focus.Choice.Reason}. Its energy compaction is plotted per config above.\n\n");
        foreach (var plot in plots.Where(x => x.Config.Length == 0)) Plot(sb, plot, "###");
        HowToRead(sb, run);
        ModelLevel(sb, run);
        Files(sb);
        return sb.ToString();
    }

    private static void Trace(StringBuilder sb, RunResult run)
    {
        var t = run.Trace;
        var m = t.Manifest;
        sb.Append("## What was run\n\n");
        sb.Append($"**Trace.** `{(t.IsBundled ? Traces.BundledTrace.FileName : t.Path)}`{(t.IsBundled ? " (the trace bundled with StampSim)" : "")}, ")
          .Append($"{t.Bytes:N0} bytes, sha256 `{t.Sha256}`.\n");
        sb.Append($"Model **{m.Model}**{(m.License is null ? "" : $", licence {m.License}")}{(m.Source is null ? "" : $"; source: {m.Source}")}.\n");
        var input = m.Input;
        sb.Append($"Input: {input.Kind}{(input.Description is null ? "" : $", {input.Description}")}")
          .Append(input.Files is { Count: > 0 } files ? $"; files: {string.Join(", ", files)}" : "")
          .Append(input.TokenIds is { } ids ? $"; {ids.Count} token ids in the trace manifest" : "")
          .Append(input.Seed is { } seed ? $"; seed {seed}" : "").Append(".\n");
        sb.Append($"Layers: {run.Layers.Count} of {m.Layers.Count}{(run.Request.Layers is null ? "" : $" (selected with `--layers {run.Request.Layers}`)")}; ")
          .Append($"the golden engine ran {run.NumericsRuns} times (once per layer and distinct numerics).\n\n");
    }

    private static void Config(StringBuilder sb, RunResult run, ConfigSpec config, IReadOnlyList<PlotFile> plots)
    {
        var c = config.Config;
        var hw = config.Accelerator;
        var mac = c.MacArray;
        var inv = CultureInfo.InvariantCulture;
        sb.Append($"## Config `{config.Label}`\n\n");
        if (c.Description is not null) sb.Append($"{c.Description}.\n\n");
        sb.Append($"- **File**: `{config.Source}`, sha256 `{config.FileSha256}`; effective configuration sha256 `{config.EffectiveSha256}`")
          .Append(config.Overrides.Count == 0 ? ".\n" : $"; overrides: {string.Join(", ", config.Overrides.Select(o => $"`{o}`"))}.\n");
        sb.Append($"- **MAC array**: {mac.Rows}x{mac.Cols} {ConfigNames.Of(mac.Multiplier)}, {mac.Dataflow.Name} dataflow, 8-bit tokens {ConfigNames.Of(mac.EightBitMode)}, ")
          .Append($"{mac.WeightBits}-bit native weights; clock {hw.ClockGhz.ToString("0.###", inv)} GHz; cycle model {hw.CycleModel}; X/Y in DRAM as {ConfigNames.Of(hw.IoFormat)}.\n");
        sb.Append($"- **Units**: DWT {hw.DwtUnit.Lanes} lanes, {ConfigNames.Of(hw.DwtUnit.Format)}, {ByteSize.Format(hw.DwtUnit.Buffer)} buffer; ")
          .Append($"quantizer {hw.Quantizer.Lanes} lanes; epilogue {hw.Epilogue.Lanes} lanes.\n");
        sb.Append("- **Buffers**: ").Append(string.Join("; ", hw.Buffers.Select(b =>
            $"{b.Name} {ByteSize.Format(b.Capacity)} ({string.Join(", ", b.Holds.Select(h => ConfigNames.Of(h)))}), read {b.ReadBandwidth.ToString("0.##", inv)} / write {b.WriteBandwidth.ToString("0.##", inv)} B/cycle{(b.DoubleBuffered ? ", double-buffered" : "")}")))
          .Append(".\n");
        sb.Append($"- **DRAM**: {(hw.Dram.Bandwidth / 1e9).ToString("0.##", inv)} GB/s ({hw.DramBytesPerCycle.ToString("0.##", inv)} B/cycle), latency {hw.Dram.LatencyNs.ToString("0.#", inv)} ns.\n");
        Numerics(sb, run, config);
        sb.Append($"- **Energy table** (hash `{hw.Energy.Hash}`):\n\n");
        sb.Append(EnergyTableText.Of(hw.Energy).Markdown()).Append('\n');

        var totals = run.Totals.First(t => t.Label == config.Label);
        sb.Append($"### Totals: `{config.Label}`\n\n");
        if (!totals.Complete)
            sb.Append("Some layers cannot run on this design (see the per-layer table); the cost totals cover the feasible layers only and no ratios are given.\n\n");
        sb.Append(SummaryTable.Totals(totals).Markdown()).Append('\n');
        sb.Append("Cycles, bytes and energy add up over the layers (they run one after another). SQNR rows give STaMP minus the baseline in dB instead of a ratio.\n\n");
        sb.Append($"### Per layer: `{config.Label}`\n\n{SummaryTable.Legend}.\n\n");
        sb.Append(SummaryTable.PerLayer(run, config.Label).Markdown()).Append('\n');
        if (SummaryTable.DramNote(run, config.Label) is { } dram) sb.Append(dram).Append(".\n\n");
        foreach (var infeasible in run.Layers.Select(l => (l.Layer.Name, l.On(config.Label).Cost)).Where(x => x.Cost.All.Any(r => !r.Result.Feasible)))
            sb.Append($"- `{infeasible.Name}` is infeasible: {string.Join("; ", infeasible.Cost.All.Where(r => !r.Result.Feasible).Select(r => $"{r.Label}: {r.Result.InfeasibleReason}"))}\n");
        sb.Append($"### Plots: `{config.Label}`\n\n");
        foreach (var plot in plots) Plot(sb, plot, "####");
    }

    private static void Numerics(StringBuilder sb, RunResult run, ConfigSpec config)
    {
        var n = config.Config.Numerics;
        var transforms = run.Layers.Select(l => l.On(config.Label).Result(Variant.Stamp).Transform).Distinct().ToList();
        string grouping = n.ActGroup > 0 ? $"groups of {n.ActGroup} features" : "per token";
        sb.Append($"- **Numerics (STaMP)**: {n.DescribeActivations()} (levels {n.Levels}; ran as {string.Join(", ", transforms)}); ")
          .Append($"{ConfigNames.Of(n.ActQuant)} activation quantizer {grouping}; ")
          .Append($"{n.WeightBits}-bit per-channel symmetric weights; feature transform {ConfigNames.Of(n.FeatureTransform)}; ")
          .Append($"adder tree {n.Accumulator.TreeBits} bits, accumulator {n.Accumulator.AccBits} bits, {ConfigNames.Of(n.Accumulator.Overflow)}.\n");
        sb.Append("- **Baselines**: A4 and A8 keep every other setting but quantize all tokens at 4 or 8 bits with no sequence transform.\n");
    }

    private static void Plot(StringBuilder sb, PlotFile plot, string heading)
    {
        sb.Append($"{heading} {plot.Title}\n\n![{plot.Title}]({plot.Png})\n\n{plot.Caption} (SVG: [{plot.Svg}]({plot.Svg}))\n\n");
    }

    private static void HowToRead(StringBuilder sb, RunResult run)
    {
        sb.Append("## How to read this\n\n");
        sb.Append("- **STaMP vs A4 vs A8.** Every layer runs three times through the bit-accurate golden engine and the cost model: with the configured STaMP numerics " +
                  "(sequence transform, a few high-precision tokens, the rest at low precision) and with uniform 4-bit and 8-bit activations without a transform. " +
                  "A ratio below 1 means STaMP costs less than that baseline. STaMP aims at A8's accuracy at close to A4's cost.\n");
        sb.Append("- **Cost** comes from the analytical model in `docs/cost-model.md`: it depends only on shapes, bit-widths and the hardware, never on the values. " +
                  "Cycles are the critical path of a pipelined design (busiest unit or memory plus the fill); energy is action counts times the energy table, whose hash identifies it. " +
                  "X is read and Y written in the I/O format whatever the numerics, so DRAM bytes differ between the variants only when the tiling spills quantized activations to DRAM.\n");
        sb.Append("- **SQNR** is measured on the real activations of the trace: output SQNR against a float64 reference of the same layer (`sqnr_db`). " +
                  "The mean over layers treats every layer alike; the pooled figure weighs layers by their output energy.\n");
        sb.Append("- **Energy compaction and autocorrelation** show why STaMP works on this trace: the more the activations are correlated along the sequence, " +
                  $"the more energy the transform packs into the first tokens, which keep the high precision. The focus layer is `{run.Focus.Choice.Layer.Name}`: {run.Focus.Choice.Reason}.\n");
        sb.Append("- **Roofline**: layers far below both roofs are limited by something other than DRAM and the MAC array (another stage or an on-chip memory); " +
                  "the per-stage bars show which.\n");
        sb.Append("- **Reproduce** with the command above on the same trace and config files (`manifest.json` has their SHA-256 and the commit); " +
                  "`stampsim compare` lists what changed between two reports.\n\n");
    }

    private static void ModelLevel(StringBuilder sb, RunResult run)
    {
        if (run.ModelLevel is not { } m) return;
        sb.Append($"## Model-level cost: {m.Architecture.Name}, prompt {m.Request.Prompt}, decode {m.Request.Decode}\n\n");
        sb.Append("The whole traced model, every operator, prefill and decode (`stampsim model`; assumptions in docs/model-cost.md). " +
                  "Absolute figures per variant; ratios are the variant over the baseline.\n\n");
        sb.Append(new TextTableData(Model.ModelTable.Headers(m), Model.ModelTable.RightAligned(m), Model.ModelTable.Rows(m)).Markdown());
        sb.Append('\n');
    }

    private static void Files(StringBuilder sb)
    {
        sb.Append("## Files\n\n");
        sb.Append("- `layers.csv`: one row per layer x config x numerics (`stamp`, `a4`, `a8`): shape, transform, SQNR, payload bits, cycles by stage, DRAM bytes, energy by component.\n");
        sb.Append("- `result.json`: everything, with the keys of `stampsim layer --metrics` and `stampsim cost --json` per layer, totals, the focus analysis and the rooflines.\n");
        sb.Append("- `manifest.json`: tool version and commit, trace and config SHA-256, command line, machine, times, and the SHA-256 of every file here.\n");
        sb.Append("- `report.html`: this report as one self-contained page (sortable tables, the plots inline, no network access).\n");
        sb.Append("- `plots/`: every plot as PNG and SVG.\n");
    }
}
