using System.Globalization;
using StampSim.Gemm;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;

namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// Each stage's golden value recomputed from the kernel's own previous stages (where it dumped them; otherwise
/// from this chain's own recomputation), so a wrong stage is blamed once and what follows from it is not:
/// the stage-isolated verdict of <c>stampsim crosscheck --external-dir</c>.
/// </summary>
public static class IsolatedStages
{
    /// <summary>The isolated expectation of every stage.</summary>
    /// <param name="inputs">The layer.</param>
    /// <param name="golden">Its golden run (intermediates kept).</param>
    /// <param name="settings">The numerics and MAC rows it ran under.</param>
    /// <param name="kernel">The kernel's dumps (shapes already checked).</param>
    public static IReadOnlyDictionary<string, StageValues> Compute(LayerInputs inputs, LayerResult golden, GoldenSettings settings, ExternalOutputs kernel)
    {
        var gold = GoldenStages.Of(inputs, golden);
        var result = new Dictionary<string, StageValues>(gold);
        int s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs;
        var ga = golden.Activations;
        var gw = golden.Weights;
        int groups = ga.Groups, group = ga.GroupSize;
        var numerics = settings.Numerics;
        bool symmetric = numerics.ActQuant == ActQuantKind.Symmetric;

        // Stage 2 from the kernel's transformed activations and bit widths.
        float[] x = kernel.Float(ExternalStages.Transformed) ?? golden.TransformedX;
        long[]? kernelBits = kernel.Integer(ExternalStages.ActBits);
        var bits = new int[s];
        for (int i = 0; i < s; i++)
            bits[i] = kernelBits is not null && kernelBits[i] is >= 2 and <= 8 ? (int)kernelBits[i] : ga.Bits[i];
        var scale = new float[s * groups];
        var offset = new float[s * groups];
        var scratch = new byte[group];
        for (int i = 0; i < s; i++)
            for (int g = 0; g < groups; g++)
            {
                var xs = x.AsSpan(i * d + g * group, group);
                if (symmetric) scale[i * groups + g] = SymmetricQuantizer.Quantize(xs, bits[i], scratch);
                else (scale[i * groups + g], offset[i * groups + g]) = MinMaxQuantizer.Quantize(xs, bits[i], scratch);
            }
        result[ExternalStages.ActScale.Name] = StageValues.Of([s, groups], scale);
        result[ExternalStages.ActOffset.Name] = StageValues.Of([s, groups], offset);

        // Codes from the kernel's own scales and offsets.
        float[] useScale = kernel.Float(ExternalStages.ActScale) ?? scale;
        float[] useOffset = kernel.Float(ExternalStages.ActOffset) ?? offset;
        var codes = new long[s * d];
        for (int i = 0; i < s; i++)
            for (int g = 0; g < groups; g++)
            {
                var xs = x.AsSpan(i * d + g * group, group);
                int k = i * groups + g;
                if (symmetric) SymmetricQuantizer.Codes(xs, useScale[k], bits[i], scratch);
                else MinMaxQuantizer.Codes(xs, useOffset[k], useScale[k], bits[i], scratch);
                for (int j = 0; j < group; j++) codes[i * d + g * group + j] = scratch[j] - ga.CodeOffset;
            }
        result[ExternalStages.ActCodes.Name] = StageValues.Of([s, d], codes, at =>
        {
            int i = (int)(at / d), j = (int)(at % d), k = i * groups + j / group;
            float v = x[at], mn = symmetric ? 0f : useOffset[k], delta = useScale[k];
            float before = delta == 0f ? 0f : symmetric ? v / delta : (v - mn) / delta;
            float lo = symmetric ? -SymmetricQuantizer.MaxCode(bits[i]) : 0, hi = symmetric ? SymmetricQuantizer.MaxCode(bits[i]) : (1 << bits[i]) - 1;
            return Invariant($"x {v:R}, mn {mn:R}, delta {delta:R}, before rounding {before:R}, bits {bits[i]}, saturated {(before < lo || before > hi ? "yes" : "no")}");
        });

        // Row sums from the kernel's weight codes.
        long[] weightCodes = kernel.Integer(ExternalStages.WeightCodes) ?? gold[ExternalStages.WeightCodes.Name].Integers!;
        var rowSum = new long[groups * n];
        for (int c = 0; c < n; c++)
            for (int j = 0; j < d; j++) rowSum[(j / group) * n + c] += weightCodes[c * d + j];
        result[ExternalStages.WeightRowSum.Name] = StageValues.Of([groups, n], rowSum);

        // Stage 3 from the kernel's codes on the configured MAC array (ordered emulation: events counted).
        long[] useCodes = kernel.Integer(ExternalStages.ActCodes) ?? codes;
        var mac = new MacArray(settings.MacRows, numerics.Accumulator);
        var (acc, events) = Gemm(s, d, n, group, ga.CodeOffset, bits, useCodes, weightCodes, gw, mac, gold);
        result[ExternalStages.Acc.Name] = StageValues.Of([s, groups, n], acc, at =>
        {
            int i = (int)(at / ((long)groups * n)), g = (int)(at / n % groups), c = (int)(at % n);
            long exact = 0;
            for (int j = g * group; j < (g + 1) * group; j++) exact += useCodes[i * d + j] * weightCodes[c * d + j];
            return Invariant($"exact sum {exact}, chunks of {mac.Rows}, tree {mac.Tree.Bits} bits, accumulator {mac.Accumulator.Bits} bits ({numerics.Accumulator.Overflow.ToString().ToLowerInvariant()})");
        });
        result[ExternalStages.Events.Name] = StageValues.Of([2], [events.Tree, events.Accumulator]);

        // Stage 4 from the kernel's accumulators, scales, offsets, weight scales and row sums.
        long[] useAcc = kernel.Integer(ExternalStages.Acc) ?? acc;
        float[] sw = kernel.Float(ExternalStages.WeightScale) ?? gw.Scale;
        long[] useRowSum = kernel.Integer(ExternalStages.WeightRowSum) ?? rowSum;
        var yt = Epilogue(s, n, groups, useAcc, useScale, useOffset, sw, useRowSum);
        result[ExternalStages.Yt.Name] = StageValues.Of([s, n], yt, at =>
        {
            int i = (int)(at / n), c = (int)(at % n);
            return Invariant($"acc {useAcc[(long)i * groups * n + c]}, delta {useScale[i * groups]:R}, mn {useOffset[i * groups]:R}, sw {sw[c]:R}, rowsum {useRowSum[c]} (group 0)");
        });

        // Stages 5 and 6.
        var beforeBias = (float[])(kernel.Float(ExternalStages.Yt) ?? yt).Clone();
        golden.Transform.Inverse(beforeBias, n);
        result[ExternalStages.BeforeBias.Name] = StageValues.Of([s, n], beforeBias);
        var y = (float[])(kernel.Float(ExternalStages.BeforeBias) ?? beforeBias).Clone();
        if (inputs.Bias is { } bias)
            for (int i = 0; i < s; i++)
                System.Numerics.Tensors.TensorPrimitives.Add(y.AsSpan(i * n, n), bias, y.AsSpan(i * n, n));
        result[ExternalStages.Y.Name] = StageValues.Of([s, n], y);
        return result;
    }

    // The golden GEMM on the given codes; codes outside what the golden operands can hold fall back to the golden ones.
    private static (long[] Acc, OverflowEvents Events) Gemm(int s, int d, int n, int group, int codeOffset, int[] bits, long[] codes, long[] weightCodes,
        QuantizedWeights gw, MacArray mac, IReadOnlyDictionary<string, StageValues> gold)
    {
        long qmax = SymmetricQuantizer.MaxCode(gw.Bits);
        if (!codes.All(c => c + codeOffset is >= 0 and <= 255)) codes = gold[ExternalStages.ActCodes.Name].Integers!;
        if (!weightCodes.All(c => c >= -qmax && c <= qmax)) weightCodes = gold[ExternalStages.WeightCodes.Name].Integers!;
        var stored = Array.ConvertAll(codes, c => (byte)(c + codeOffset));
        var w = Array.ConvertAll(weightCodes, c => (sbyte)c);
        int groups = d / group;
        var rowSum = new int[groups * n];
        for (int c = 0; c < n; c++)
            for (int j = 0; j < d; j++) rowSum[(j / group) * n + c] += w[c * d + j];
        var qx = new QuantizedActivations(s, d, group, stored, codeOffset, new float[s * groups], new float[s * groups], bits);
        var qw = new QuantizedWeights(n, d, group, w, gw.Scale, rowSum, gw.Bits);
        var acc = new long[(long)s * groups * n];
        var outcome = IntegerGemm.Multiply(qx, qw, mac, new ExecutionOptions(ForceOrderedGemm: true), new float[s * n], acc);
        return (acc, outcome.Events);
    }

    // Stage 4 through the golden epilogue, 16 channels at a time.
    private static float[] Epilogue(int s, int n, int groups, long[] acc, float[] delta, float[] mn, float[] sw, long[] rowSum)
    {
        var y = new float[s * n];
        Span<float> a = stackalloc float[16], w = stackalloc float[16], r = stackalloc float[16], out16 = stackalloc float[16];
        for (int i = 0; i < s; i++)
            for (int p = 0; p < n; p += 16)
            {
                int lanes = Math.Min(16, n - p);
                for (int g = 0; g < groups; g++)
                {
                    a.Clear(); w.Clear(); r.Clear();
                    for (int l = 0; l < lanes; l++)
                    {
                        a[l] = acc[((long)i * groups + g) * n + p + l];
                        w[l] = sw[p + l];
                        r[l] = DequantEpilogue.RowSumScale((int)rowSum[g * n + p + l], sw[p + l]);
                    }
                    DequantEpilogue.Apply16(a, delta[i * groups + g], mn[i * groups + g], w, r, out16, g == 0);
                }
                out16[..lanes].CopyTo(y.AsSpan(i * n + p, lanes));
            }
        return y;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
