using StampSim.Gpu.Crosscheck;
using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.Tests.Crosscheck;

/// <summary>A bug a <see cref="MockKernel"/> can carry.</summary>
public enum MockBug
{
    /// <summary>None: the contract's arithmetic.</summary>
    None,
    /// <summary>The activation quantizer rounds half away from zero.</summary>
    RoundHalfAway,
    /// <summary>One token more than <c>hi_tokens</c> gets <c>hi_bits</c>.</summary>
    HiTokenOffByOne,
    /// <summary>The accumulator is a 16-bit register that wraps.</summary>
    Wrap16Accumulator,
    /// <summary>The epilogue fuses its multiply and add (legal elsewhere, not in the contract).</summary>
    FmaEpilogue,
    /// <summary>The first 4x4 tile of weight codes is loaded transposed.</summary>
    TransposedWeightTile,
    /// <summary>The epilogue's result is stored as float16.</summary>
    Fp16Epilogue,
}

/// <summary>
/// A kernel developer's W·A kernel written in the test from the numerics contract alone (min-max per token,
/// symmetric weights, chunked MAC array, float32 epilogue), scalar and NumPy-free, with at most one bug; it
/// dumps every stage under the names <c>--external-dir</c> reads. The sequence transform is not its subject:
/// it takes the golden transformed activations and the golden inverse.
/// </summary>
public sealed class MockKernel(NumericsConfig numerics, int macRows, MockBug bug)
{
    /// <summary>Runs the layer; <paramref name="golden"/> provides the transformed activations and the inverse transform.</summary>
    public ExternalOutputs Run(LayerInputs inputs, LayerResult golden)
    {
        int s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs;
        float[] x = golden.TransformedX;
        var bits = new long[s];
        var delta = new float[s];
        var mn = new float[s];
        var q = new long[s * d];
        for (int i = 0; i < s; i++)
        {
            int hi = numerics.HiTokens + (bug == MockBug.HiTokenOffByOne ? 1 : 0);
            bits[i] = i < hi ? numerics.HiBits : numerics.LoBits;
            float levels = (1 << (int)bits[i]) - 1;
            float lo = float.PositiveInfinity, top = float.NegativeInfinity;
            for (int j = 0; j < d; j++) { lo = Math.Min(lo, x[i * d + j]); top = Math.Max(top, x[i * d + j]); }
            mn[i] = lo;
            delta[i] = (top - lo) / levels;
            if (delta[i] == 0f) continue;
            var mode = bug == MockBug.RoundHalfAway ? MidpointRounding.AwayFromZero : MidpointRounding.ToEven;
            for (int j = 0; j < d; j++)
                q[i * d + j] = (long)Math.Clamp(MathF.Round((x[i * d + j] - lo) / delta[i], mode), 0f, levels);
        }
        float qmax = (1 << (numerics.WeightBits - 1)) - 1;
        var sw = new float[n];
        var qw = new long[n * d];
        var rowSum = new long[n];
        for (int c = 0; c < n; c++)
        {
            float amax = 0f;
            for (int j = 0; j < d; j++) amax = Math.Max(amax, Math.Abs(inputs.W[c, j]));
            sw[c] = amax / qmax;
            if (sw[c] == 0f) continue;
            for (int j = 0; j < d; j++)
                qw[c * d + j] = (long)Math.Clamp(MathF.Round(inputs.W[c, j] / sw[c], MidpointRounding.ToEven), -qmax, qmax);
        }
        if (bug == MockBug.TransposedWeightTile)
            for (int c = 0; c < Math.Min(4, n); c++)
                for (int j = c + 1; j < Math.Min(4, Math.Min(n, d)); j++)
                    (qw[c * d + j], qw[j * d + c]) = (qw[j * d + c], qw[c * d + j]);
        for (int c = 0; c < n; c++)
            for (int j = 0; j < d; j++) rowSum[c] += qw[c * d + j];
        var acc = new long[s * n];
        long treeEvents = 0, accEvents = 0;
        var cfg = numerics.Accumulator;
        for (int i = 0; i < s; i++)
            for (int c = 0; c < n; c++)
            {
                long a = 0;
                for (int j0 = 0; j0 < d; j0 += macRows)
                {
                    long chunk = 0;
                    for (int j = j0; j < Math.Min(d, j0 + macRows); j++) chunk += q[i * d + j] * qw[c * d + j];
                    chunk = Bring(chunk, cfg.TreeBits, cfg.Overflow, ref treeEvents);
                    a = bug == MockBug.Wrap16Accumulator ? (short)(a + chunk) : Bring(a + chunk, cfg.AccBits, cfg.Overflow, ref accEvents);
                }
                acc[i * n + c] = a;
            }
        var yt = new float[s * n];
        for (int i = 0; i < s; i++)
            for (int c = 0; c < n; c++)
                yt[i * n + c] = bug == MockBug.FmaEpilogue
                    ? MathF.FusedMultiplyAdd((float)acc[i * n + c], delta[i] * sw[c], mn[i] * ((float)rowSum[c] * sw[c]))
                    : (float)acc[i * n + c] * (delta[i] * sw[c]) + mn[i] * ((float)rowSum[c] * sw[c]);
        if (bug == MockBug.Fp16Epilogue)
            for (int k = 0; k < yt.Length; k++) yt[k] = (float)(Half)yt[k];
        var beforeBias = (float[])yt.Clone();
        golden.Transform.Inverse(beforeBias, n);
        var y = new float[s * n];
        for (int i = 0; i < s; i++)
            for (int c = 0; c < n; c++) y[i * n + c] = beforeBias[i * n + c] + (inputs.Bias?[c] ?? 0f);
        return new ExternalOutputs(
            new Dictionary<string, ExternalTensor<float>>
            {
                ["act_scale"] = new("act_scale", [s, 1], delta), ["act_offset"] = new("act_offset", [s, 1], mn), ["weight_scale"] = new("weight_scale", [n], sw),
                ["yt"] = new("yt", [s, n], yt), ["before_bias"] = new("before_bias", [s, n], beforeBias), ["y"] = new("y", [s, n], y),
            },
            new Dictionary<string, ExternalTensor<long>>
            {
                ["act_bits"] = new("act_bits", [s], bits), ["act_codes"] = new("act_codes", [s, d], q), ["weight_codes"] = new("weight_codes", [n, d], qw),
                ["weight_rowsum"] = new("weight_rowsum", [1, n], rowSum), ["acc"] = new("acc", [s, n], acc), ["events"] = new("events", [2], [treeEvents, accEvents]),
            });
    }

    private static long Bring(long v, int width, OverflowMode mode, ref long events)
    {
        long max = (1L << (width - 1)) - 1, min = -(1L << (width - 1));
        if (v >= min && v <= max) return v;
        events++;
        return mode == OverflowMode.Saturate ? Math.Clamp(v, min, max) : (v << (64 - width)) >> (64 - width);
    }
}
