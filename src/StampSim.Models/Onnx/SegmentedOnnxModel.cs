using Google.Protobuf;
using Onnx;
using StampSim.Models.Linear;
using StampSim.Tensors;

namespace StampSim.Models.Onnx;

/// <summary>
/// An ONNX model cut at its linear layers so that StampSim's executors compute them while ONNX
/// Runtime computes everything else, exactly as the graph says. The linears an output depends on
/// are grouped into stages by their dependencies (q, k and v together; then o; fc1; fc2; …). Stage k
/// is the subgraph that produces the inputs of its linears from the original inputs and the outputs
/// of the linears of earlier stages (fed in as graph inputs); a last stage produces the output. No
/// operator is rewritten or approximated: each linear node pair (MatMul/Gemm and bias Add) is replaced
/// by the executor's <c>X W^T + b</c> on the same tensor, and every other node is ONNX Runtime's.
/// </summary>
/// <remarks>Nodes with subgraphs (If, Loop) that read outer tensors are not followed; encoders have none.</remarks>
public sealed class SegmentedOnnxModel : IDisposable
{
    private readonly List<OnnxStage> _stages = [];

    /// <summary>Cuts <paramref name="model"/> at the linears <paramref name="output"/> depends on.</summary>
    /// <exception cref="InputException">The output is not a tensor of the graph.</exception>
    public SegmentedOnnxModel(OnnxModel model, string output, int threads = 0)
    {
        Output = output;
        var graph = model.Graph;
        var all = OnnxLinearFinder.Find(model);
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < graph.Node.Count; i++)
            foreach (var o in graph.Node[i].Output) producer[o] = i;
        if (!producer.ContainsKey(output)) throw new InputException($"{model.Path}: no node produces '{output}'");
        var byOutput = all.ToDictionary(l => l.Output, StringComparer.Ordinal);
        var graphInputs = model.InputNames.ToHashSet(StringComparer.Ordinal);

        // The linears reached backwards from `output` (a linear is crossed through its input), each
        // with the linears its own input needs.
        var needs = new Dictionary<OnnxLinear, HashSet<OnnxLinear>>();
        HashSet<OnnxLinear> Reach(string tensor)
        {
            var found = new HashSet<OnnxLinear>();
            Walk(tensor, t => byOutput.GetValueOrDefault(t), producer, graph, found.Add);
            foreach (var l in found)
                if (!needs.ContainsKey(l)) { needs[l] = []; needs[l] = Reach(l.Input); }
            return found;
        }
        var finalNeeds = Reach(output);
        var order = all.Where(needs.ContainsKey).ToList();
        Linears = order;

        var done = new HashSet<OnnxLinear>();
        while (done.Count < order.Count)
        {
            var ready = order.Where(l => !done.Contains(l) && needs[l].IsSubsetOf(done)).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("linear dependencies form a cycle");
            _stages.Add(Stage(model, ready.Select(l => l.Input).Distinct(StringComparer.Ordinal).ToArray(), done, ready, byOutput, producer, graphInputs, threads));
            done.UnionWith(ready);
        }
        if (!finalNeeds.IsSubsetOf(done)) throw new InvalidOperationException("the output needs a linear no stage ran");
        _stages.Add(Stage(model, [output], done, [], byOutput, producer, graphInputs, threads));
    }

    /// <summary>The output tensor the stages end with.</summary>
    public string Output { get; }

    /// <summary>The linears the output depends on, in graph order.</summary>
    public IReadOnlyList<OnnxLinear> Linears { get; }

    /// <summary>The stages, in the order they run.</summary>
    public IReadOnlyList<OnnxStage> Stages => _stages;

    /// <summary>
    /// Runs the model on <paramref name="feeds"/> with every linear computed by <paramref name="executor"/>
    /// (leading dimensions flattened into tokens) and returns <see cref="Output"/>.
    /// </summary>
    public OnnxTensor Run(IReadOnlyDictionary<string, OnnxTensor> feeds, ILinearExecutor executor) => Run([feeds], executor)[0];

    /// <summary>
    /// Runs the model on each feed set of <paramref name="batch"/> (independent inputs, e.g. sentences of different
    /// lengths) and returns each one's <see cref="Output"/>. ONNX Runtime runs every input alone; each linear is one
    /// executor call over all inputs' tokens, stacked as a <see cref="SequenceBatch"/> (each input still transformed
    /// and quantized on its own), so the outputs are those of running each input alone.
    /// </summary>
    public IReadOnlyList<OnnxTensor> Run(IReadOnlyList<IReadOnlyDictionary<string, OnnxTensor>> batch, ILinearExecutor executor)
    {
        var results = batch.Select(_ => new OnnxTensor[Linears.Count]).ToArray();
        foreach (var stage in _stages)
        {
            var outputs = batch.Select((feeds, b) =>
            {
                var stageFeeds = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
                foreach (var name in stage.GraphInputs) stageFeeds[name] = feeds[name];
                foreach (int i in stage.LinearOutputs) stageFeeds[Linears[i].Output] = results[b][i];
                return stage.Session.Run(stageFeeds, stage.Outputs);
            }).ToList();
            foreach (int i in stage.Linears)
            {
                var l = Linears[i];
                var xs = outputs.Select(o => o[l.Input]).ToList();
                var call = new LinearCall(l.Name, l.Kind, l.Block, Stack(xs), l.Weight, l.Bias, sequences: new SequenceBatch(xs.Select(x => x.Rows).ToList()));
                var y = executor.Linear(call);
                for (int b = 0; b < xs.Count; b++)
                {
                    var rows = call.Sequences.Rows<float>(y.Data, b, y.Cols);
                    results[b][i] = OnnxTensor.Of(xs.Count == 1 ? y.Data : rows.ToArray(), [.. xs[b].Shape[..^1], y.Cols]);
                }
            }
            if (stage.Linears.Count == 0) return outputs.Select(o => o[Output]).ToList();
        }
        throw new InvalidOperationException("the last stage produces the output");
    }

    // The inputs' rows one after another (the tensor itself for a single input).
    private static Matrix<float> Stack(IReadOnlyList<OnnxTensor> xs)
    {
        if (xs.Count == 1) return new Matrix<float>(xs[0].Rows, xs[0].Cols, xs[0].Floats);
        var data = new float[checked(xs.Sum(x => (long)x.Floats.Length))];
        int offset = 0;
        foreach (var x in xs)
        {
            x.Floats.CopyTo(data, offset);
            offset += x.Floats.Length;
        }
        return new Matrix<float>(data.Length / xs[0].Cols, xs[0].Cols, data);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var s in _stages) s.Session.Dispose();
    }

    private OnnxStage Stage(OnnxModel model, IReadOnlyList<string> outputs, HashSet<OnnxLinear> done, IReadOnlyList<OnnxLinear> runs,
        Dictionary<string, OnnxLinear> byOutput, Dictionary<string, int> producer, HashSet<string> graphInputs, int threads)
    {
        var graph = model.Graph;
        var kept = new SortedSet<int>();
        var usedInputs = new List<string>();
        var usedLinears = new List<OnnxLinear>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(outputs);
        while (stack.Count > 0)
        {
            string t = stack.Pop();
            if (t.Length == 0 || !seen.Add(t)) continue;
            if (byOutput.TryGetValue(t, out var linear) && done.Contains(linear)) { usedLinears.Add(linear); continue; }
            if (graphInputs.Contains(t)) { usedInputs.Add(t); continue; }
            if (model.Initializer(t) is not null || !producer.TryGetValue(t, out int node)) continue;
            if (byOutput.ContainsKey(t)) throw new InvalidOperationException($"tensor '{t}' needs a linear of a later stage");
            if (kept.Add(node))
                foreach (var input in graph.Node[node].Input) stack.Push(input);
        }
        var sub = new GraphProto { Name = graph.Name };
        sub.Node.AddRange(kept.Select(i => graph.Node[i]));
        var referenced = sub.Node.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        sub.Initializer.AddRange(graph.Initializer.Where(t => referenced.Contains(t.Name)));
        sub.Input.AddRange(graph.Input.Where(i => usedInputs.Contains(i.Name)));
        foreach (var l in usedLinears)
            sub.Input.Add(new ValueInfoProto { Name = l.Output, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } });
        foreach (var o in outputs) sub.Output.Add(new ValueInfoProto { Name = o });
        var proto = new ModelProto { IrVersion = model.Proto.IrVersion, ProducerName = "stampsim", Graph = sub };
        proto.OpsetImport.AddRange(model.Proto.OpsetImport);
        var session = new OnnxSession(proto.ToByteArray(), $"{model.Path} (segment {_stages.Count})", threads);
        var index = Linears.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        return new OnnxStage(session, usedInputs, usedLinears.Select(l => index[l]).ToArray(), outputs, runs.Select(l => index[l]).ToArray());
    }

    private static void Walk(string tensor, Func<string, OnnxLinear?> linearOf, Dictionary<string, int> producer, GraphProto graph, Func<OnnxLinear, bool> found)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([tensor]);
        while (stack.Count > 0)
        {
            string t = stack.Pop();
            if (t.Length == 0 || !seen.Add(t)) continue;
            if (linearOf(t) is { } l) { found(l); continue; }
            if (producer.TryGetValue(t, out int node))
                foreach (var input in graph.Node[node].Input) stack.Push(input);
        }
    }
}
