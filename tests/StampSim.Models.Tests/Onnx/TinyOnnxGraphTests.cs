using Google.Protobuf;
using Onnx;
using StampSim.Models.Linear;
using StampSim.Models.Onnx;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Onnx;

/// <summary>A two-linear ONNX graph built here: x → MatMul(W1 stored (d, n)) → Add(b1) → Relu → Gemm(W2, transB) → y, plus an alpha-2 Gemm that is no linear.</summary>
public class TinyOnnxGraphTests
{
    private static readonly float[] W1 = [1, -2, 0.5f, 3, 0.25f, -1]; // (d = 2, n = 3), as a MatMul stores it
    private static readonly float[] B1 = [0.5f, -0.5f, 1];
    private static readonly float[] W2 = [1, 2, -1, 0.5f, 0, 2];     // (n = 2, d = 3), Gemm transB = 1

    private static TensorProto Init(string name, float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        t.Dims.AddRange(dims);
        return t;
    }

    private static NodeProto Node(string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = op, Name = name };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        n.Attribute.AddRange(attributes);
        return n;
    }

    private static OnnxModel Build(TempDir dir)
    {
        var g = new GraphProto { Name = "tiny" };
        g.Initializer.Add(Init("block.layer.0.fc1.weight_t", W1, 2, 3));
        g.Initializer.Add(Init("block.layer.0.fc1.bias", B1, 3));
        g.Initializer.Add(Init("block.layer.0.fc2.weight", W2, 2, 3));
        g.Initializer.Add(Init("scaled.weight", W2, 2, 3));
        g.Node.Add(Node("MatMul", "mm", ["x", "block.layer.0.fc1.weight_t"], "p"));
        g.Node.Add(Node("Add", "add", ["p", "block.layer.0.fc1.bias"], "h"));
        g.Node.Add(Node("Relu", "relu", ["h"], "r"));
        g.Node.Add(Node("Gemm", "gemm", ["r", "block.layer.0.fc2.weight"], "y", new AttributeProto { Name = "transB", I = 1, Type = AttributeProto.Types.AttributeType.Int }));
        g.Node.Add(Node("Gemm", "scaled", ["r", "scaled.weight"], "z",
            new AttributeProto { Name = "transB", I = 1, Type = AttributeProto.Types.AttributeType.Int },
            new AttributeProto { Name = "alpha", F = 2, Type = AttributeProto.Types.AttributeType.Float }));
        var type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } };
        g.Input.Add(new ValueInfoProto { Name = "x", Type = type });
        g.Output.Add(new ValueInfoProto { Name = "y", Type = type });
        g.Output.Add(new ValueInfoProto { Name = "z", Type = type });
        var model = new ModelProto { IrVersion = 8, Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        string path = dir.File("tiny.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return OnnxModel.Load(path);
    }

    [Fact]
    public void Finder_transposes_matmul_weights_takes_the_add_bias_and_skips_a_scaled_gemm()
    {
        using var dir = new TempDir();
        var linears = OnnxLinearFinder.Find(Build(dir));
        Assert.Equal(2, linears.Count);
        var fc1 = linears[0];
        Assert.Equal(("block.layer.0.fc1", LinearKind.MlpFc1, (int?)0, "x", "h"), (fc1.Name, fc1.Kind, fc1.Block, fc1.Input, fc1.Output));
        Assert.Equal([1, 3, -2, 0.25f, 0.5f, -1], fc1.Weight.Data); // (n = 3, d = 2)
        Assert.Equal(B1, fc1.Bias);
        Assert.Equal([0, 1], fc1.Nodes);
        Assert.Equal(("block.layer.0.fc2", "r", "y"), (linears[1].Name, linears[1].Input, linears[1].Output));
        Assert.Equal(W2, linears[1].Weight.Data);
        Assert.Null(linears[1].Bias);
    }

    [Fact]
    public void Segments_run_the_relu_in_onnx_runtime_and_the_linears_in_the_executor()
    {
        using var dir = new TempDir();
        var model = Build(dir);
        using var segmented = new SegmentedOnnxModel(model, "y");
        Assert.Equal(3, segmented.Stages.Count);
        var feeds = new Dictionary<string, OnnxTensor> { ["x"] = OnnxTensor.Of(new float[] { 1, 2, -1, 0.5f }, 1, 2, 2) };

        var y = segmented.Run(feeds, new Float32LinearExecutor());
        Assert.Equal((long[])[1, 2, 2], y.Shape);
        // By hand: h = x W1 + b1, r = relu(h), y = r W2^T.
        var x = new Matrix<float>(2, 2, [1, 2, -1, 0.5f]);
        var h = Float32LinearExecutor.Multiply(x, new Matrix<float>(3, 2, [1, 3, -2, 0.25f, 0.5f, -1]), B1, StampSim.Numerics.ExecutionOptions.Default);
        var r = new Matrix<float>(2, 3, h.Data.Select(v => Math.Max(0, v)).ToArray());
        Assert.Equal(Float32LinearExecutor.Multiply(r, new Matrix<float>(2, 3, W2), null, StampSim.Numerics.ExecutionOptions.Default).Data, y.Floats);

        // What the executor returns is what the rest of the graph sees: negate fc1 and the Relu zeroes other entries.
        var negated = segmented.Run(feeds, new Negating());
        Assert.NotEqual(y.Floats, negated.Floats);
    }

    [Fact]
    public void A_batch_of_ragged_inputs_makes_one_call_per_linear_and_gives_each_input_its_own_output()
    {
        using var dir = new TempDir();
        using var segmented = new SegmentedOnnxModel(Build(dir), "y");
        int[] lengths = [3, 1, 6];
        var batch = lengths.Select((t, k) => (IReadOnlyDictionary<string, OnnxTensor>)new Dictionary<string, OnnxTensor>
        {
            ["x"] = OnnxTensor.Of(TestData.Activations(t, 2, seed: k + 1).Data, 1, t, 2),
        }).ToList();
        var quantized = new QuantizedLinearExecutor(new StampSim.Numerics.NumericsConfig { HiTokens = 2 }, options: new QuantizedExecutorOptions { QuantizeOutsideBlocks = true });
        var counting = new Counting(quantized);
        var outputs = segmented.Run(batch, counting);
        Assert.Equal([3, 3], counting.Sequences);   // fc1 and fc2, each once for the three inputs
        for (int k = 0; k < batch.Count; k++)
        {
            var alone = segmented.Run(batch[k], quantized);
            Assert.Equal(alone.Shape, outputs[k].Shape);
            TestData.AssertBitsEqual(alone.Floats, outputs[k].Floats, $"input {k} ({lengths[k]} tokens)");
        }
    }

    private sealed class Counting(ILinearExecutor inner) : ILinearExecutor
    {
        public List<int> Sequences { get; } = [];

        public Matrix<float> Linear(LinearCall call)
        {
            Sequences.Add(call.Sequences.Count);
            return inner.Linear(call);
        }
    }

    private sealed class Negating : ILinearExecutor
    {
        public Matrix<float> Linear(LinearCall call)
        {
            var y = Float32LinearExecutor.Multiply(call.X, call.W, call.Bias, StampSim.Numerics.ExecutionOptions.Default);
            return call.Name.EndsWith("fc1", StringComparison.Ordinal) ? new Matrix<float>(y.Rows, y.Cols, y.Data.Select(v => -v).ToArray()) : y;
        }
    }
}
