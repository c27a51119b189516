using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Gemm;
using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.Rtl.Vectors;

/// <summary>
/// Golden test vectors for one layer: the golden engine (<see cref="StampLayer"/>) quantizes the layer,
/// and its codes are replayed chunk by chunk through the contract's <see cref="MacArray"/> ranges
/// (<see cref="Segments"/>, <see cref="SignedRange.Bring"/>) to expose what the engine keeps internal:
/// every chunk sum and every partial accumulator. The final accumulators and event counts are checked
/// against the engine's own before the vectors are handed out.
/// </summary>
public sealed class TestVectors
{
    private TestVectors(RtlDesign design, int[] tokens, int features, int outputs, int groups, short[] actCodes, short[] weightCodes,
        int[] tokenBits, ChunkRecord[] records, long[] accumulators, OverflowEvents events)
    {
        Design = design;
        Tokens = tokens;
        Features = features;
        Outputs = outputs;
        Groups = groups;
        ActCodes = actCodes;
        WeightCodes = weightCodes;
        TokenBits = tokenBits;
        Records = records;
        Accumulators = accumulators;
        Events = events;
    }

    /// <summary>The slice the vectors are for.</summary>
    public RtlDesign Design { get; }

    /// <summary>Layer token index of each vector token (all tokens unless a subset was asked for).</summary>
    public int[] Tokens { get; }

    /// <summary>Reduction length d.</summary>
    public int Features { get; }

    /// <summary>Output channels n.</summary>
    public int Outputs { get; }

    /// <summary>Activation groups per token.</summary>
    public int Groups { get; }

    /// <summary>Signed activation codes as the array sees them, (tokens, d) row-major.</summary>
    public short[] ActCodes { get; }

    /// <summary>Signed weight codes, (n, d) row-major.</summary>
    public short[] WeightCodes { get; }

    /// <summary>Bits of each vector token.</summary>
    public int[] TokenBits { get; }

    /// <summary>Every request in order: token, then channel, then chunk.</summary>
    public ChunkRecord[] Records { get; }

    /// <summary>Final accumulators, (tokens, groups, n).</summary>
    public long[] Accumulators { get; }

    /// <summary>Tree and accumulator events over all records.</summary>
    public OverflowEvents Events { get; }

    /// <summary>
    /// Runs the golden layer and builds the vectors for <paramref name="tokenCount"/> tokens spread evenly
    /// over the layer (all tokens when null).
    /// </summary>
    /// <exception cref="InputException">The config cannot be emitted as RTL, or the token count is out of range.</exception>
    public static TestVectors Generate(StampConfig config, LayerInputs inputs, int? tokenCount, ExecutionOptions options)
    {
        var design = RtlDesign.From(config);
        var result = new LayerEvaluator(options).RunNumerics(new LayerSubject(inputs.Name), inputs, config.Golden, keepIntermediates: true).Result;
        var qx = result.Activations;
        var qw = result.Weights;
        int s = qx.Tokens, d = qx.Features, n = qw.Outputs, groups = qx.Groups;
        var tokens = Select(s, tokenCount);

        var actCodes = new short[tokens.Length * d];
        for (int t = 0; t < tokens.Length; t++)
            for (int j = 0; j < d; j++)
                actCodes[t * d + j] = (short)qx.Code(tokens[t], j);
        var weightCodes = Array.ConvertAll(qw.Codes, c => (short)c);
        var bits = tokens.Select(i => qx.Bits[i]).ToArray();

        var mac = new MacArray(config.MacArray.Rows, config.Numerics.Accumulator);
        var segments = Segments.Cut(d, qx.GroupSize, mac.Rows);
        var records = new ChunkRecord[(long)tokens.Length * n * segments.Length];
        var accumulators = new long[(long)tokens.Length * groups * n];
        long treeEvents = 0, accEvents = 0, r = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            bool wide = design.IsWide(bits[t]);
            for (int c = 0; c < n; c++)
            {
                long acc = 0;
                for (int k = 0; k < segments.Length; k++)
                {
                    var seg = segments[k];
                    bool first = k == 0 || segments[k - 1].LastInGroup;
                    long exact = 0;
                    for (int j = seg.Start; j < seg.Start + seg.Length; j++)
                        exact += (long)actCodes[t * d + j] * weightCodes[c * d + j];
                    long tree = 0, accEvent = 0;
                    long chunk = mac.Tree.Bring(exact, ref tree);
                    acc = mac.Accumulator.Bring((first ? 0 : acc) + chunk, ref accEvent);
                    records[r++] = new ChunkRecord(tokens[t], c, k, seg.Group, seg.Start, seg.Length, first, seg.LastInGroup, wide,
                        chunk, acc, tree != 0, accEvent != 0);
                    treeEvents += tree;
                    accEvents += accEvent;
                    if (seg.LastInGroup) accumulators[((long)t * groups + seg.Group) * n + c] = acc;
                }
            }
        }

        var events = new OverflowEvents(treeEvents, accEvents);
        CheckAgainstEngine(result, tokens, groups, n, accumulators, events);
        return new TestVectors(design, tokens, d, n, groups, actCodes, weightCodes, bits, records, accumulators, events);
    }

    // The golden engine is the authority: the replay above must reproduce its accumulators and events.
    private static void CheckAgainstEngine(LayerResult result, int[] tokens, int groups, int n, long[] accumulators, OverflowEvents events)
    {
        var engine = result.Intermediates!.Accumulators;
        for (int t = 0; t < tokens.Length; t++)
        {
            var mine = accumulators.AsSpan(t * groups * n, groups * n);
            var theirs = engine.AsSpan(tokens[t] * groups * n, groups * n);
            if (!mine.SequenceEqual(theirs))
                throw new InvalidOperationException($"test vectors disagree with the golden engine's accumulators at token {tokens[t]}");
        }
        if (tokens.Length == result.Activations.Tokens && events != result.Gemm.Events)
            throw new InvalidOperationException($"test vectors count {events} events, the golden engine {result.Gemm.Events}");
    }

    /// <summary><paramref name="count"/> token indices spread evenly over <paramref name="tokens"/> (always token 0), or all.</summary>
    private static int[] Select(int tokens, int? count)
    {
        if (count is not { } k) return Enumerable.Range(0, tokens).ToArray();
        if (k < 1 || k > tokens)
            throw new InputException($"--tokens: must be between 1 and the layer's {tokens} tokens, got {k}");
        return Enumerable.Range(0, k).Select(i => (int)((long)i * tokens / k)).ToArray();
    }
}
