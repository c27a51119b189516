using System.CommandLine;
using StampSim.Config;
using StampSim.Numerics;
using StampSim.Reports.Schemas;
using StampSim.Traces;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim trace info</c>: a trace's manifest, tensors, and per layer the statistics an
/// architect looks at first (max |x|, outlier channels, energy of the first tokens before and after
/// the configured sequence transform, lag-1 autocorrelation).
/// </summary>
internal static class TraceInfoCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Trace: .safetensors with a manifest, .npy (X) or .npz (x, w, b)" };
        var json = new Option<bool>("--json") { Description = "Print JSON: the manifest verbatim plus tensors and per-layer statistics" };
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var factor = new Option<double>("--outlier-factor")
        {
            Description = "A channel is an outlier when its max |x| exceeds this multiple of the median channel max",
            DefaultValueFactory = _ => ActivationStatistics.DefaultOutlierFactor,
        };
        var cmd = new Command("info", "Show a trace's layers, tensors and first-look activation statistics.") { file, json, config, set, factor };
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            double k = p.GetValue(factor);
            if (!(k > 0) || double.IsInfinity(k)) throw new InputException($"--outlier-factor: must be a positive number, got {k}");
            using var trace = TraceFile.Open(p.GetValue(file)!, warn: console.Warn);
            var layers = LayerStatistics.ForTrace(trace, cfg.Numerics, k, ExecutionOptions.Default);
            if (p.GetValue(json))
                console.Out.Write(TraceInfoJson.Text(trace, layers));
            else
                PrintText(console.Out, trace, layers, cfg.Numerics);
            return 0;
        });
        return cmd;
    }

    private static void PrintText(TextWriter o, TraceFile trace, IReadOnlyList<LayerStatistics> layers, NumericsConfig numerics)
    {
        var m = trace.Manifest;
        o.WriteLine($"trace      {trace.Path} ({Display.Bytes(trace.FileBytes)}, {ConfigNames.Of(trace.Format)}, format version {m.FormatVersion})");
        o.WriteLine($"model      {m.Model}" + (m.Source is null ? "" : $"; source: {m.Source}") + (m.License is null ? "" : $"; license: {m.License}"));
        o.WriteLine("input      " + m.Input.Kind + (m.Input.Seed is ulong seed ? $" (seed {seed})" : "") +
                    (m.Input.Files is { Count: > 0 } files ? $", files: {string.Join(", ", files)}" : "") +
                    (m.Input.TokenIds is { } ids ? $", {ids.Count} token ids" : "") +
                    (m.Input.Description is null ? "" : $": {m.Input.Description}"));
        var first = layers[0].Statistics;
        o.WriteLine($"statistics max|x| over the layer's activations; outliers: channels whose max|x| exceeds {Display.General(first.OutlierFactor)} x the median channel max;");
        o.WriteLine($"           E{numerics.HiTokens}: share of sum x^2 in the first {numerics.HiTokens} tokens (numerics.hi_tokens) before / after the configured " +
                    $"{numerics.Transform.Name} transform; lag1: lag-1 autocorrelation along the sequence, mean over channels");
        o.WriteLine();

        var tensors = new TextTable("key", "dtype", "shape", ">size");
        foreach (var t in trace.Tensors) tensors.Add(t.Key, t.DType, t.ShapeText, Display.Bytes(t.Bytes));
        o.WriteLine($"tensors ({trace.Tensors.Count})");
        tensors.Write(o);
        o.WriteLine();

        var table = new TextTable("layer", "kind", ">block", ">s", ">d", ">n", "bias", "grid", "transform", ">max|x|", "outlier channels",
            $">E{numerics.HiTokens} before", ">after", ">lag1");
        foreach (var l in layers)
        {
            var s = l.Statistics;
            table.Add(l.Layer.Name, l.Layer.Kind, l.Layer.Block?.ToString() ?? "-", l.Activation.Shape[0].ToString(), l.Activation.Shape[1].ToString(),
                l.Weight?.Shape[0].ToString() ?? "-", l.Bias is null ? "no" : "yes",
                l.Layer.Grid is null ? "-" : l.Layer.Prefix > 0 ? $"{l.Layer.Prefix}+{l.Layer.Grid}" : l.Layer.Grid.ToString(),
                s.Compaction.Transform, Display.General(s.MaxAbs), Outliers(s.OutlierChannels),
                Display.Percent(s.Compaction.HiShareBefore), Display.Percent(s.Compaction.HiShareAfter), Display.Fixed(s.Lag1Autocorrelation, 3));
        }
        o.WriteLine($"layers ({layers.Count})");
        table.Write(o);
    }

    private static string Outliers(IReadOnlyList<int> channels) =>
        channels.Count == 0 ? "0" : $"{channels.Count}: " + string.Join(" ", channels.Take(6)) + (channels.Count > 6 ? " ..." : "");
}
