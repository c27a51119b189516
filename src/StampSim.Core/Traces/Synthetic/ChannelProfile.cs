namespace StampSim.Traces.Synthetic;

/// <summary>
/// Per-channel standard deviations shared by every layer of a synthetic trace: log-normal spread,
/// with a few massive outlier channels (real models keep their massive channels across layers).
/// </summary>
/// <param name="Scale">Standard deviation of each channel, outlier factor included.</param>
/// <param name="Outliers">The outlier channels, in the order drawn.</param>
public sealed record ChannelProfile(IReadOnlyList<double> Scale, IReadOnlyList<int> Outliers)
{
    /// <summary>Draws the profile of <see cref="SynthOptions.Features"/> channels from its own stream of the trace seed.</summary>
    public static ChannelProfile Create(SynthOptions o) => Create(o, o.Features);

    /// <summary>Draws a profile of <paramref name="features"/> channels (model traces have inputs of several widths).</summary>
    public static ChannelProfile Create(SynthOptions o, int features)
    {
        var random = new Xoshiro256(o.Seed, SyntheticStreams.Channels);
        var normal = new NormalSampler(random);
        var scale = new double[features];
        for (int j = 0; j < scale.Length; j++)
            scale[j] = o.ChannelSigma == 0 ? 1 : PortableMath.Exp(o.ChannelSigma * normal.Next());
        // Partial Fisher–Yates: the first Outliers entries of a shuffled 0..d-1.
        var order = Enumerable.Range(0, features).ToArray();
        for (int k = 0; k < o.Outliers; k++)
        {
            int pick = k + (int)random.Below((ulong)(features - k));
            (order[k], order[pick]) = (order[pick], order[k]);
        }
        var outliers = order[..o.Outliers];
        foreach (int j in outliers) scale[j] *= o.OutlierScale;
        return new ChannelProfile(scale, outliers);
    }
}
