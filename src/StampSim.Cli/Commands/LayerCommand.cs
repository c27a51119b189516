using System.CommandLine;
using System.Globalization;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Io;
using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Reports.Schemas;
using StampSim.Reports.Writers;
using StampSim.Reports;
using StampSim.Traces.Npy;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim layer</c>: one linear layer through the golden STaMP numerics.</summary>
internal static class LayerCommand
{
    public static Command Create(CliConsole console)
    {
        var x = new Option<string?>("--x") { Description = "Activations X (s, d) as .npy (<f4; <f2 and <f8 accepted)" };
        var weight = new Option<string?>("--weight") { Description = "Weights W (n, d) as .npy, PyTorch nn.Linear layout" };
        var bias = new Option<string?>("--bias") { Description = "Bias b (n) as .npy" };
        var trace = TraceOptions.Trace(required: false);
        var layer = TraceOptions.Layer();
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = new Option<string>("--out") { Description = "Output Y (s, n) as <f4 .npy", Required = true };
        var metrics = new Option<string?>("--metrics") { Description = "Write metrics and the effective configuration as JSON" };
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("layer", "Run one linear layer through the golden STaMP numerics and report its error.")
        {
            x, weight, bias, trace, layer, config, set, output, metrics, threads, kernel,
        };
        cmd.SetAction(p =>
        {
            var exec = CommonOptions.Execution(p, threads, kernel);
            string? xPath = p.GetValue(x), wPath = p.GetValue(weight), bPath = p.GetValue(bias), tracePath = p.GetValue(trace);
            // X and W are read (fresh pages, faulted in on every core) while the config is parsed; errors
            // still surface in the order below.
            var reading = tracePath is null && xPath is not null && wPath is not null
                ? Task.Run(() => Load(console, xPath, wPath, bPath, exec.Threads))
                : null;
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            string outPath = p.GetValue(output)!;
            string? metricsPath = p.GetValue(metrics);
            using var outputs = new OutputSet([p.GetValue(config), tracePath, xPath, wPath, bPath]);
            outputs.Reserve(outPath, "--out");
            if (metricsPath is not null) outputs.Reserve(metricsPath, "--metrics");

            LayerInputs inputs;
            if (tracePath is not null)
                (inputs, cfg) = LoadTrace(console, tracePath, p.GetValue(layer), xPath, wPath, bPath, cfg);
            else
                inputs = reading?.GetAwaiter().GetResult()
                    ?? throw new InputException(xPath is null ? "--x: required unless --trace is given" : "--weight: required unless --trace is given");
            var subject = new LayerSubject(inputs.Name);
            var (record, golden) = new LayerEvaluator(exec).Evaluate(subject, inputs, cfg);
            var y = golden!.Y;

            // Y is written (I/O and fresh page-cache pages) while the JSON is built and the summary printed
            // (CPU); the output set is used by one thread at a time, and nothing is committed before Y is written.
            var writeY = Task.Run(() => outputs.Add(outPath, s => NpyFile.WriteTo<float>(s, y.Data, y.Rows, y.Cols)));
            string? json = null;
            try
            {
                if (metricsPath is not null) json = LayerRecordJson.Text(record);
                PrintSummary(console.Out, record, cfg);
                if (record.Cost is { } cost) CostTable.Print(console, cfg, record.Shape, cost);
            }
            finally
            {
                writeY.GetAwaiter().GetResult();
            }
            if (json is not null) outputs.AddText(metricsPath!, json);
            outputs.Commit();
            return 0;
        });
        return cmd;
    }

    // The numerics come back adjusted to the layer (a haar2d layer takes its grid from the trace).
    private static (LayerInputs, StampConfig) LoadTrace(CliConsole console, string path, string? layerName, string? x, string? w, string? b, StampConfig cfg)
    {
        if (x is not null)
            throw new InputException("--x: give either --trace or --x, not both");
        using var trace = TraceFile.Open(path, new TraceSidecars(w, b), console.Warn);
        var layer = TraceOptions.Resolve(trace, layerName);
        return (trace.Load(layer), cfg with { Numerics = layer.NumericsFor(cfg.Numerics) });
    }

    /// <summary>Reads X, W and the optional bias (each with up to <paramref name="threads"/> reads at once), warning about values rounded to float32.</summary>
    internal static LayerInputs Load(CliConsole console, string xPath, string wPath, string? bPath, int threads)
    {
        var (xm, xs) = NpyFile.ReadMatrix(xPath, "X", threads);
        var (wm, ws) = NpyFile.ReadMatrix(wPath, "W", threads);
        float[]? b = null;
        NpyTensor? bs = null;
        if (bPath is not null) (b, bs) = NpyFile.ReadVector(bPath, "bias");
        foreach (var (path, t) in new[] { (xPath, xs), (wPath, ws), (bPath, bs) })
            if (t is { RoundedValues: > 0 })
                console.Warn($"{path}: {t.RoundedValues} {t.SourceType} values were rounded to float32");
        return new LayerInputs(xm, wm, b, Path.GetFileNameWithoutExtension(xPath), xPath, wPath, bPath ?? "bias");
    }

    private static void PrintSummary(TextWriter o, LayerRecord record, StampConfig cfg)
    {
        var n = cfg.Numerics;
        var r = record.Stamp;
        var m = r.Metrics;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"layer     s={record.Shape.Tokens} d={record.Shape.Features} n={record.Shape.Outputs}");
        o.WriteLine($"numerics  {n.DescribeActivations()} (ran as {r.Transform}); act {ConfigNames.Of(n.ActQuant)}" +
                    (n.ActGroup > 0 ? $" group {n.ActGroup}" : " per token") + $"; weights {n.WeightBits}-bit; feature transform {ConfigNames.Of(n.FeatureTransform)}");
        o.WriteLine($"mac array rows={cfg.MacArray.Rows}, tree {n.Accumulator.TreeBits} bit, acc {n.Accumulator.AccBits} bit, {ConfigNames.Of(n.Accumulator.Overflow)}; " +
                    $"{(r.FastPath ? "fast path (overflow impossible)" : "ordered emulation")}, kernel {ConfigNames.Of(r.Kernel)}");
        o.WriteLine(string.Create(inv, $"sqnr      {Display.Db(m.SqnrDb)} dB output, {Display.Db(m.ActSqnrDb)} dB activations"));
        o.WriteLine(string.Create(inv, $"bits      {m.PayloadBits:0.####} payload, {m.BitsWithMetadata:0.####} with metadata"));
        o.WriteLine(string.Create(inv, $"theorem 1 ||Xhat-X||^2 = {m.ActErrorSq:G6} <= bound {m.Theorem1Bound:G6}"));
        o.WriteLine($"overflow  {m.OverflowEvents} events ({m.TreeOverflowEvents} adder tree, {m.AccOverflowEvents} accumulator)");
        o.WriteLine(string.Create(inv, $"time      {record.Timing.Engine:0.000} s layer, {record.Timing.Metrics:0.000} s metrics (float64 reference)"));
    }
}
