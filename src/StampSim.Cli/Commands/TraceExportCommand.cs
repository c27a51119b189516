using System.CommandLine;
using StampSim.Io;
using StampSim.Traces;
using StampSim.Traces.Npy;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim trace export</c>: one layer's tensors as float32 .npy files.</summary>
internal static class TraceExportCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = TraceOptions.Trace(required: true);
        var layer = TraceOptions.Layer();
        var x = new Option<string>("--x") { Description = "Write the activations X (s, d) here as <f4 .npy", Required = true };
        var weight = new Option<string?>("--weight") { Description = "Write the weight W (n, d) here as <f4 .npy" };
        var bias = new Option<string?>("--bias") { Description = "Write the bias b (n) here as <f4 .npy" };
        var cmd = new Command("export", "Write one layer's tensors as float32 .npy files (for NumPy and other tools).") { trace, layer, x, weight, bias };
        cmd.SetAction(p =>
        {
            string xPath = p.GetValue(x)!;
            string? wPath = p.GetValue(weight), bPath = p.GetValue(bias);
            string tracePath = p.GetValue(trace)!;
            using var outputs = new OutputSet([tracePath]);
            outputs.Reserve(xPath, "--x");
            if (wPath is not null) outputs.Reserve(wPath, "--weight");
            if (bPath is not null) outputs.Reserve(bPath, "--bias");
            using var file = TraceFile.Open(tracePath, warn: console.Warn);
            var l = TraceOptions.Resolve(file, p.GetValue(layer));
            if (wPath is not null && l.Weight is null)
                throw new InputException($"--weight: layer '{l.Name}' of {file.Name} has no weight");
            if (bPath is not null && l.Bias is null)
                throw new InputException($"--bias: layer '{l.Name}' of {file.Name} has no bias");

            var xm = file.ReadActivations(l);
            outputs.Add(xPath, s => NpyFile.WriteTo<float>(s, xm.Data, xm.Rows, xm.Cols));
            if (wPath is not null) Export(outputs, file, l.Weight!, wPath);
            if (bPath is not null) Export(outputs, file, l.Bias!, bPath);
            outputs.Commit();
            console.Out.WriteLine($"exported layer '{l.Name}': X {file.Tensor(l.Activation).ShapeText} -> {xPath}" +
                                  (wPath is null ? "" : $", W {file.Tensor(l.Weight!).ShapeText} -> {wPath}") +
                                  (bPath is null ? "" : $", b {file.Tensor(l.Bias!).ShapeText} -> {bPath}"));
            return 0;
        });
        return cmd;
    }

    private static void Export(OutputSet outputs, TraceFile file, string key, string path)
    {
        var data = file.ReadFloat32(key);
        outputs.Add(path, s => NpyFile.WriteTo<float>(s, data, file.Tensor(key).Shape));
    }
}
