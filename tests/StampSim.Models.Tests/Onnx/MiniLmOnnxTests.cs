using Onnx;
using StampSim.Models.Linear;
using StampSim.Models.Onnx;

namespace StampSim.Tests.Onnx;

public class MiniLmOnnxTests
{
    [SkippableFact]
    public void Finds_the_36_block_linears_and_the_pooler_with_pytorch_layout_weights_and_biases()
    {
        MiniLm.SkipIfAbsent();
        var model = OnnxModel.Load(MiniLm.Model);
        var linears = OnnxLinearFinder.Find(model);
        Assert.Equal(37, linears.Count);
        Assert.Equal(36, linears.Count(l => l.Block is not null));
        foreach (var kind in new[] { LinearKind.AttnQ, LinearKind.AttnK, LinearKind.AttnV, LinearKind.AttnO, LinearKind.MlpFc1, LinearKind.MlpFc2 })
            Assert.Equal(Enumerable.Range(0, 6).Cast<int?>(), linears.Where(l => l.Kind == kind).Select(l => l.Block));
        Assert.All(linears, l => Assert.NotNull(l.Bias));

        // The fc1 weight of block 2 as ONNX stores it, (in, out), read straight from the protobuf.
        var fc1 = linears.Single(l => l.Name == "encoder.layer.2.intermediate.dense");
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(MiniLm.Model)).Graph;
        var matmul = graph.Node.Single(n => n.OpType == "MatMul" && n.Output[0] == graph.Node.Single(a => a.Output[0] == fc1.Output).Input[1]);
        var stored = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(graph.Initializer.Single(t => t.Name == matmul.Input[1]).RawData.Span).ToArray();
        Assert.Equal((1536, 384), (fc1.Outputs, fc1.Features));
        for (int i = 0; i < 384; i += 37)
            for (int j = 0; j < 1536; j += 41)
                Assert.Equal(stored[i * 1536 + j], fc1.Weight[j, i]);
        var bias = graph.Initializer.Single(t => t.Name == "encoder.layer.2.intermediate.dense.bias");
        Assert.Equal(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bias.RawData.Span).ToArray(), fc1.Bias);

        var pooler = linears[^1];
        Assert.Equal(("pooler.dense", LinearKind.Linear, (int?)null), (pooler.Name, pooler.Kind, pooler.Block));
    }

    [SkippableFact]
    public void Captured_activations_are_onnx_runtimes_own_and_each_linear_reproduces_its_output()
    {
        MiniLm.SkipIfAbsent();
        var model = OnnxModel.Load(MiniLm.Model);
        var linears = OnnxLinearFinder.Find(model);
        var ids = WordPieceInputs.Load(MiniLm.Vocab).Encode(File.ReadAllText(MiniLm.WikiText), 96);
        Assert.Equal(96, ids.Length);
        var activations = OnnxCapture.Activations(model, linears, WordPieceInputs.Feeds(model, ids));
        var reference = OnnxReference.Tensors(MiniLm.Model, ids, linears.SelectMany(l => new[] { l.Input, l.Output }).Distinct().ToArray());
        foreach (var l in linears)
        {
            var x = activations[l.Input];
            Assert.Equal(reference[l.Input], x.Data);
            // X W^T + b from the captured tensors against ONNX Runtime's MatMul + Add.
            var y = Float32LinearExecutor.Multiply(x, l.Weight, l.Bias, StampSim.Numerics.ExecutionOptions.Default);
            var expected = reference[l.Output];
            double scale = expected.Max(v => Math.Abs(v));
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(y.Data[i] - expected[i]) <= 1e-5 * scale, $"{l.Name}[{i}]: {y.Data[i]} vs {expected[i]}");
        }
    }

    [SkippableFact]
    public void Segmented_float32_run_matches_onnx_runtime_alone()
    {
        MiniLm.SkipIfAbsent();
        var model = OnnxModel.Load(MiniLm.Model);
        var wordPiece = WordPieceInputs.Load(MiniLm.Vocab);
        using var segmented = new SegmentedOnnxModel(model, "last_hidden_state");
        Assert.Equal(36, segmented.Linears.Count);
        Assert.Equal(6 * 4 + 1, segmented.Stages.Count);
        Assert.Equal(3, segmented.Stages[0].Linears.Count);
        foreach (var sentence in TextSentences.First(File.ReadAllText(MiniLm.WikiText), 3))
        {
            var ids = wordPiece.Encode(sentence, 128);
            var feeds = WordPieceInputs.Feeds(model, ids);
            var recording = new RecordingLinearExecutor(new Float32LinearExecutor());
            var hidden = segmented.Run(feeds, recording);
            var expected = OnnxReference.Tensors(MiniLm.Model, ids, ["last_hidden_state", segmented.Linears[0].Input]);
            // The first segment is ONNX Runtime's alone, bit for bit; after it only the linears' rounding differs.
            Assert.Equal(expected[segmented.Linears[0].Input], recording.Calls[0].Call.X.Data);
            Assert.Equal(36, recording.Calls.Count);
            double worst = expected["last_hidden_state"].Zip(hidden.Floats, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 1e-4, $"max |difference| {worst}");
            Assert.True(SentenceEmbedding.Cosine(
                SentenceEmbedding.Pool(OnnxTensor.Of(expected["last_hidden_state"], hidden.Shape), null),
                SentenceEmbedding.Pool(hidden, feeds["attention_mask"])) > 1 - 1e-9);
        }
    }

    [SkippableFact]
    public void WordPiece_ids_are_berts()
    {
        MiniLm.SkipIfAbsent();
        // bert-base-uncased: [CLS] hello , world ! [SEP]
        Assert.Equal([101, 7592, 1010, 2088, 999, 102], WordPieceInputs.Load(MiniLm.Vocab).Encode("Hello, world!", 16));
        Assert.Equal(8, WordPieceInputs.Load(MiniLm.Vocab).Encode(File.ReadAllText(MiniLm.WikiText), 8).Length);
    }
}
