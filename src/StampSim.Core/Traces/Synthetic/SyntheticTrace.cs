using StampSim.Numerics;

namespace StampSim.Traces.Synthetic;

/// <summary>
/// The synthetic trace generator behind <c>stampsim synth</c>. Activations follow the structure
/// reported for real transformers: correlated along the sequence (AR(1), or separable AR(1) over a
/// token grid), log-normally spread channel scales with a few massive outlier channels, and an
/// optional attention-sink first token. Weights and bias are Gaussian. Every channel, weight row
/// and bias has its own random stream derived from the seed, so the output is the same for a
/// given seed on every machine and for any thread count.
/// </summary>
public sealed class SyntheticTrace
{
    private readonly SynthOptions _options;
    private readonly ExecutionOptions _execution;
    private readonly ChannelProfile _profile;
    private readonly Dictionary<int, ChannelProfile> _profiles;

    /// <summary>Prepares a generator; the knobs are validated here.</summary>
    /// <exception cref="InputException">A knob is out of range.</exception>
    public SyntheticTrace(SynthOptions options, ExecutionOptions? execution = null)
    {
        options.Validate();
        _options = options;
        _execution = execution ?? ExecutionOptions.Default;
        _profile = ChannelProfile.Create(options);
        // Every input width of a model trace gets its own profile, drawn up front so the generator stays immutable.
        _profiles = new Dictionary<int, ChannelProfile> { [options.Features] = _profile };
        foreach (var l in options.Model?.Layers ?? [])
            if (!_profiles.ContainsKey(l.Features)) _profiles[l.Features] = ChannelProfile.Create(options, l.Features);
    }

    /// <summary>The channel scales and outlier channels shared by all layers.</summary>
    public ChannelProfile Profile => _profile;

    /// <summary>Activations X (s, d) of layer <paramref name="layer"/>, row-major.</summary>
    public float[] Activations(int layer) => Activations(layer, _options.Features);

    /// <summary>Activations (s, <paramref name="d"/>) of stream <paramref name="layer"/>, row-major.</summary>
    private float[] Activations(int layer, int d)
    {
        var o = _options;
        int s = o.Tokens;
        var profile = _profiles[d];
        var x = new float[(long)s * d];
        var sinkChannels = o.SinkScale > 0 ? profile.Outliers.ToHashSet() : [];
        Parallel.For(0, d, _execution.Parallel, () => new double[s], (j, _, column) =>
        {
            var normal = new NormalSampler(new Xoshiro256(o.Seed, SyntheticStreams.Activations, (ulong)layer, (ulong)j));
            for (int i = 0; i < o.Prefix; i++) column[i] = normal.Next();
            if (o.Grid is { } grid)
                CorrelatedTokens.Grid(normal, o.EffectiveRhoRows, o.EffectiveRhoCols, grid.Height, grid.Width, column.AsSpan(o.Prefix));
            else
                CorrelatedTokens.Sequence(normal, o.Rho, column);
            if (sinkChannels.Contains(j)) column[0] = o.SinkScale;
            double scale = profile.Scale[j];
            for (int i = 0; i < s; i++) x[(long)i * d + j] = (float)(scale * column[i]);
            return column;
        }, _ => { });
        return x;
    }

    /// <summary>Weights W (n, d) of layer <paramref name="layer"/>, row-major.</summary>
    public float[] Weights(int layer) => Weights(layer, _options.Outputs, _options.Features);

    private float[] Weights(int layer, int n, int d)
    {
        var o = _options;
        double std = o.WeightStdFor(d);
        var w = new float[(long)n * d];
        Parallel.For(0, n, _execution.Parallel, k =>
        {
            var normal = new NormalSampler(new Xoshiro256(o.Seed, SyntheticStreams.Weights, (ulong)layer, (ulong)k));
            var row = w.AsSpan((int)((long)k * d), d);
            for (int j = 0; j < d; j++) row[j] = (float)(std * normal.Next());
        });
        return w;
    }

    /// <summary>Bias (n) of layer <paramref name="layer"/>.</summary>
    public float[] Bias(int layer) => Bias(layer, _options.Outputs);

    private float[] Bias(int layer, int n)
    {
        var normal = new NormalSampler(new Xoshiro256(_options.Seed, SyntheticStreams.Bias, (ulong)layer));
        var b = new float[n];
        for (int k = 0; k < b.Length; k++) b[k] = (float)(_options.BiasStd * normal.Next());
        return b;
    }

    /// <summary>Writes the whole trace; tensors are generated one at a time while the file is written.</summary>
    public void Write(string path)
    {
        var o = _options;
        var writer = new TraceWriter("synthetic", "stampsim synth", "CC0-1.0", new TraceInput("seed", o.Describe(), Seed: o.Seed));
        if (o.Model is { } model)
        {
            AddModel(writer, model);
            writer.Write(path);
            return;
        }
        for (int l = 0; l < o.Layers; l++)
        {
            int layer = l;
            string prefix = $"blocks.{layer}";
            writer.AddTensor($"{prefix}.x", o.DType, [o.Tokens, o.Features], () => Activations(layer));
            writer.AddTensor($"{prefix}.weight", o.DType, [o.Outputs, o.Features], () => Weights(layer));
            string? bias = null;
            if (o.BiasStd > 0)
            {
                bias = $"{prefix}.bias";
                writer.AddTensor(bias, o.DType, [o.Outputs], () => Bias(layer));
            }
            writer.AddLayer(new TraceLayer($"{prefix}.linear", "linear", layer, $"{prefix}.x", $"{prefix}.weight", bias, o.Grid, o.Prefix));
        }
        writer.Write(path);
    }

    // Blocks of the model: each distinct input once (q, k, v read one tensor), per-layer shapes, and one
    // random stream per tensor numbered in file order.
    private void AddModel(TraceWriter writer, ModelShape model)
    {
        var o = _options;
        int activationStream = 0, layerStream = 0;
        for (int block = 0; block < o.Blocks; block++)
        {
            string prefix = $"model.layers.{block}";
            string? input = null, key = null;
            foreach (var l in model.Layers)
            {
                if (l.Input != input)
                {
                    input = l.Input;
                    key = $"{prefix}.{l.Input}";
                    int stream = activationStream++, d = l.Features;
                    writer.AddTensor(key, o.DType, [o.Tokens, d], () => Activations(stream, d));
                }
                int layer = layerStream++;
                string name = $"{prefix}.{l.Name}";
                writer.AddTensor($"{name}.weight", o.DType, [l.Outputs, l.Features], () => Weights(layer, l.Outputs, l.Features));
                string? bias = null;
                if (o.BiasStd > 0)
                {
                    bias = $"{name}.bias";
                    writer.AddTensor(bias, o.DType, [l.Outputs], () => Bias(layer, l.Outputs));
                }
                writer.AddLayer(new TraceLayer(name, l.Kind, block, key!, $"{name}.weight", bias, null, 0));
            }
        }
    }
}
