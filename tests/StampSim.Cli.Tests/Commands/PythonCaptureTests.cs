using StampSim.Tests.Support;
using StampSim.Traces;
using Xunit.Abstractions;

namespace StampSim.Tests.Commands;

public class PythonCaptureTests(ITestOutputHelper output)
{
    private static string Script(string name) => Path.Combine("tools", "python", "tests", name);

    [SkippableFact]
    public void Pytorch_stories260k_capture_matches_stampsims_own_on_the_same_tokens()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        Skip.If(PythonTorch.SkipReason is not null, PythonTorch.SkipReason);
        using var dir = new TempDir();
        string cs = dir.File("cs.safetensors"), py = dir.File("py.safetensors");
        var r = Harness.Run("capture", "llama", "--model", SharedData.Path("models", "stories260K", "stories260K.bin"),
            "--text", SharedData.Path("data", "text", "tinystories_sample.txt"), "--tokens", "128", "--out", cs);
        Assert.True(r.Code == 0, r.Err);
        using var ours = TraceFile.Open(cs);
        File.WriteAllLines(dir.File("ids.txt"), ours.Manifest.Input.TokenIds!.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var (code, log) = PythonTorch.Run(Script("stories260k.py"), "--model", SharedData.Path("models", "stories260K", "stories260K.safetensors"),
            "--ids", dir.File("ids.txt"), "--out", py);
        Assert.True(code == 0, log);
        var info = Harness.Run("trace", "info", py);
        Assert.True(info.Code == 0, info.Err);

        using var theirs = TraceFile.Open(py);
        Assert.Equal(ours.Manifest.Input.TokenIds, theirs.Manifest.Input.TokenIds);
        Assert.Equal(ours.Manifest.Layers.Select(l => (l.Name, l.Kind, l.Block, l.Activation, l.Weight, l.Bias)),
            theirs.Manifest.Layers.Select(l => (l.Name, l.Kind, l.Block, l.Activation, l.Weight, l.Bias)));
        double worst = 0;
        foreach (var layer in ours.Manifest.Layers)
        {
            Assert.Equal(ours.Tensor(layer.Weight!).Shape, theirs.Tensor(layer.Weight!).Shape);
            Assert.Equal(ours.ReadFloat32(layer.Weight!), theirs.ReadFloat32(layer.Weight!));
            Assert.Equal(ours.Tensor(layer.Activation).Shape, theirs.Tensor(layer.Activation).Shape);
            float[] a = ours.ReadFloat32(layer.Activation), b = theirs.ReadFloat32(layer.Activation);
            // Relative to the tensor's largest magnitude: elementwise ratios near zero say nothing.
            double scale = a.Max(v => Math.Abs(v)), diff = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
            Assert.True(diff <= 1e-5 * scale, $"{layer.Activation}: max |difference| {diff} for max |x| {scale}");
            worst = Math.Max(worst, diff / scale);
        }
        output.WriteLine($"{ours.Manifest.Layers.Count} layers; worst activation difference {worst:E2} of the tensor's max |x|");
    }

    [SkippableFact]
    public void Plain_module_shares_one_input_between_two_linears_and_records_a_nested_bias()
    {
        Skip.If(PythonTorch.SkipReason is not null, PythonTorch.SkipReason);
        using var dir = new TempDir();
        var (code, log) = PythonTorch.Run(Script("plain_module.py"), "--out", dir.File("p.safetensors"));
        Assert.True(code == 0, log);
        Assert.True(Harness.Run("trace", "info", dir.File("p.safetensors")).Code == 0);
        using var trace = TraceFile.Open(dir.File("p.safetensors"));
        var layers = trace.Manifest.Layers;
        Assert.Equal(["left", "right", "inner.1"], layers.Select(l => l.Name));
        Assert.Equal("left.input", layers[1].Activation);
        Assert.Equal(["inner.1.bias", "inner.1.input", "inner.1.weight", "left.input", "left.weight", "right.weight"], trace.Tensors.Select(t => t.Key).Order());
        Assert.Null(layers[0].Bias);

        // inner.1 reads relu([x left^T, x right^T]): the de-duplicated input still feeds both layers.
        float[] x = trace.ReadFloat32("left.input"), left = trace.ReadFloat32("left.weight"), right = trace.ReadFloat32("right.weight"), inner = trace.ReadFloat32("inner.1.input");
        Assert.Equal((long[])[5, 8], trace.Tensor("left.input").Shape);
        for (int t = 0; t < 5; t++)
            for (int j = 0; j < 10; j++)
            {
                var w = j < 6 ? left.AsSpan(j * 8, 8) : right.AsSpan((j - 6) * 8, 8);
                double dot = 0;
                for (int i = 0; i < 8; i++) dot += (double)x[t * 8 + i] * w[i];
                Assert.Equal(Math.Max(0, dot), inner[t * 10 + j], 5);
            }
    }
}
