using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Traces.Synthetic;

/// <summary>
/// A layer built to expose kernel bugs under one config (<c>stampsim crosscheck --adversarial</c>), the same
/// bytes for the same seed. With the sequence transform <c>none</c> or <c>haar</c> (no feature Hadamard) it holds:
/// <list type="bullet">
/// <item>exact quantizer ties: rows whose transformed values land on <c>m + 0.5</c> after scaling (min 0 and max
/// <c>B·2^e</c>, so <c>delta = 2^e</c> exactly), in lo-bit tokens (Haar: level-1 detail tokens, made from token
/// pairs <c>(u, 0)</c> with <c>f32(u·c)</c> on the tie), and weight channels whose values are <c>(m + 0.5)·2^e</c>;</item>
/// <item>saturated-code rows (min at −0, every other code B) and all-positive weight channels, so accumulators
/// reach <c>B·qmax·(d − 1)</c>: far past 2^15 for the 8-bit tokens (the first ones, the Haar approximation band);</item>
/// <item>constant rows (min = max, delta 0), negative zeros, channels with tiny (1e−20) and huge (1e4) scales, and
/// plain random rows and channels; tokens on both sides of the hi/lo boundary.</item>
/// </list>
/// Other transforms get the same rows before the transform, where ties are not guaranteed; the crosscheck
/// prints how many ties and how large an accumulator the layer reached.
/// </summary>
public static class AdversarialLayer
{
    /// <summary>Builds the layer <c>X (s, d)</c>, <c>W (n, d)</c>, <c>b (n)</c> for <paramref name="numerics"/>.</summary>
    /// <exception cref="InputException">The shape does not suit the numerics, or d &lt; 4.</exception>
    public static LayerInputs Create(NumericsConfig numerics, int tokens, int features, int outputs, ulong seed)
    {
        if (tokens < 2 || features < 4 || outputs < 1)
            throw new InputException($"--adversarial: needs s >= 2, d >= 4, n >= 1, got s={tokens} d={features} n={outputs}");
        StampLayer.CheckShape(numerics, tokens, features);
        var random = new Xoshiro256(seed, 0xAD);
        var normal = new NormalSampler(random);
        int group = ActivationQuantizer.GroupSize(numerics, features);
        var plan = SequenceTransformRegistry.BuiltIn.Plan(numerics, tokens);
        bool haar = plan.Kind == SequenceTransformKind.Haar && plan.Levels >= 1 && plan.PrefixTokens == 0;
        var realize = haar ? HaarDetail(numerics) : (Func<float, float?>)(t => t);
        var bits = TokenBits.Allocate(tokens, numerics.HiTokens, numerics.HiBits, numerics.LoBits);
        bool symmetric = numerics.ActQuant == ActQuantKind.Symmetric;

        var x = new float[tokens * features];
        // The first two blocks of tokens (Haar: 2^J tokens each, so the approximation band's first tokens; none:
        // tokens 0 and 1) are saturated-code rows: their codes are all B (8-bit tokens) but the first. Their heights
        // differ from token to token, so the detail tokens they make (the first lo-bit ones) are not constant.
        int block = haar ? 1 << plan.Levels : 1;
        int big = Math.Min(tokens, 2 * block);
        for (int i = 0; i < big; i++) SaturatedRow(x.AsSpan(i * features, features), group, 64f + i, symmetric);
        if (haar)
        {
            // Level-1 detail token p (transformed position s - s/2 + p) is f32(f32(X[2p] - X[2p+1]) · c): with X[2p+1] = 0 it is f32(X[2p] · c).
            int pairs = tokens / 2;
            for (int p = big / 2; p < pairs; p++)
            {
                int position = tokens - pairs + p;
                var target = Row(p, features, group, ActivationLevels(bits[position], symmetric), symmetric, random, normal, realize);
                target.CopyTo(x.AsSpan(2 * p * features, features));
            }
            if (tokens % 2 == 1) Random(x.AsSpan((tokens - 1) * features, features), normal, 1f);
        }
        else
            for (int i = big; i < tokens; i++)
                Row(i, features, group, ActivationLevels(bits[i], symmetric), symmetric, random, normal, t => t).CopyTo(x.AsSpan(i * features, features));

        var w = new float[outputs * features];
        int qmax = SymmetricQuantizer.MaxCode(numerics.WeightBits);
        for (int c = 0; c < outputs; c++)
        {
            var row = w.AsSpan(c * features, features);
            switch (c % 5)
            {
                case 0: row.Fill(c % 10 == 0 ? 1e4f : -0.5f); break;                    // all-equal sign: the largest accumulators
                case 1: Random(row, normal, 1e-20f); break;                              // tiny scale
                case 2: TieRow(row, qmax, random, symmetric: true, delta: Pow2(random)); break;   // weight quantizer ties
                case 3: Random(row, normal, 1f); row[0] = -0f; break;
                case 4: Random(row, normal, 1e4f); break;                                // huge scale
            }
        }
        var b = new float[outputs];
        Random(b, normal, 1f);
        b[0] = -0f;
        return new LayerInputs(new Matrix<float>(tokens, features, x), new Matrix<float>(outputs, features, w), b, $"adversarial-{seed}");
    }

    // Codes of a token: B = 2^bits - 1 (min-max) or qmax (symmetric).
    private static int ActivationLevels(int bits, bool symmetric) => symmetric ? SymmetricQuantizer.MaxCode(bits) : (1 << bits) - 1;

    // Rows by role, cycling: ties, saturated codes, min = max, random.
    private static float[] Row(int index, int features, int group, int levels, bool symmetric, Xoshiro256 random, NormalSampler normal, Func<float, float?> realize)
    {
        var row = new float[features];
        switch (index % 4)
        {
            case 0:
                for (int g = 0; g < features; g += group) TieRow(row.AsSpan(g, group), levels, random, symmetric, Pow2(random), realize);
                break;
            case 1:
                SaturatedRow(row, group, Realizable(3f, realize), symmetric);
                for (int j = 0; j < features; j++) row[j] = realize(row[j]) ?? 0f;
                break;
            case 2:
                row.AsSpan().Fill(realize(0.75f) ?? 0f);
                break;
            case 3:
                Random(row, normal, 1f);
                for (int j = 0; j < features; j++) row[j] = realize(row[j]) ?? 0f;
                break;
        }
        return row;
    }

    // Each group: an anchor at the low end (0, or −top for symmetric), one at the top (levels · delta), the rest on
    // (m + 0.5) · delta; written as the values that realize them (Haar: the pair's first token).
    private static void TieRow(Span<float> row, int levels, Xoshiro256 random, bool symmetric, float delta, Func<float, float?>? realize = null)
    {
        realize ??= t => t;
        float top = levels * delta;
        for (int tries = 0; tries < 8 && realize(top) is null; tries++) { delta *= 2f; top = levels * delta; }
        row[0] = realize(symmetric ? -top : 0f) ?? 0f;
        row[1] = realize(top) ?? 0f;
        for (int j = 2; j < row.Length; j++)
        {
            row[j] = row[0];
            for (int tries = 0; tries < 8; tries++)
            {
                int m = (int)random.Below((ulong)levels);
                float t = (m + 0.5f) * delta * (symmetric && random.Below(2) == 0 ? -1f : 1f);
                if (realize(t) is float u) { row[j] = u; break; }
            }
        }
    }

    // min at −0, the rest at `high`: every code but the first is B.
    private static void SaturatedRow(Span<float> row, int group, float high, bool symmetric)
    {
        row.Fill(high);
        for (int g = 0; g < row.Length; g += group) row[g] = symmetric ? -high : -0f;
    }

    private static float Realizable(float t, Func<float, float?> realize)
    {
        for (int i = 0; i < 16; i++, t *= 1.25f)
            if (realize(t) is not null) return t;
        return t;
    }

    private static void Random(Span<float> row, NormalSampler normal, float scale)
    {
        for (int j = 0; j < row.Length; j++) row[j] = (float)(normal.Next() * scale);
    }

    private static float Pow2(Xoshiro256 random) => MathF.ScaleB(1f, (int)random.Below(5) - 3);

    // u with golden level-1 Haar detail f32(f32(u − 0) · c) == t, searched around t / c; null when none.
    private static Func<float, float?> HaarDetail(NumericsConfig numerics)
    {
        var transform = SequenceTransformRegistry.BuiltIn.Create(numerics with { Transform = SequenceTransformKind.Haar, Levels = 1, HiTokens = 1 }, 2, ExecutionOptions.Default);
        var pair = new float[2];
        return t =>
        {
            if (t == 0f) return t;   // ±0 maps to itself
            float guess = (float)(t / Math.Sqrt(0.5));
            for (int k = 0; k <= 8; k++)
                foreach (float u in new[] { Step(guess, k), Step(guess, -k) })
                {
                    pair[0] = u;
                    pair[1] = 0f;
                    transform.Forward(pair, 1);
                    if (pair[1] == t) return u;
                }
            return null;
        };
    }

    private static float Step(float v, int k)
    {
        for (; k > 0; k--) v = MathF.BitIncrement(v);
        for (; k < 0; k++) v = MathF.BitDecrement(v);
        return v;
    }
}
