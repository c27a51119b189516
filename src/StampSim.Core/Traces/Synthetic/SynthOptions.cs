using System.Globalization;
using StampSim.Numerics;
using StampSim.Traces.Safetensors;

namespace StampSim.Traces.Synthetic;

/// <summary>
/// The knobs of <c>stampsim synth</c> (documented with their defaults in <c>traces/README.md</c>).
/// Messages name the command-line option of a bad knob.
/// </summary>
public sealed record SynthOptions
{
    /// <summary>Tokens s (grid tokens plus prefix tokens when a grid is given).</summary>
    public int Tokens { get; init; }

    /// <summary>Input features d.</summary>
    public int Features { get; init; }

    /// <summary>Output features n.</summary>
    public int Outputs { get; init; }

    /// <summary>Token grid of image tokens, or null for a 1-D sequence.</summary>
    public TokenGrid? Grid { get; init; }

    /// <summary>Independent leading tokens ahead of the grid (e.g. a CLS token).</summary>
    public int Prefix { get; init; }

    /// <summary>Number of layers (each with its own activations, weight and bias).</summary>
    public int Layers { get; init; } = 1;

    /// <summary>
    /// A model whose block shapes the trace takes (per-layer d and n, shared inputs written once), or null for
    /// <see cref="Layers"/> layers of <see cref="Features"/> x <see cref="Outputs"/>.
    /// </summary>
    public ModelShape? Model { get; init; }

    /// <summary>Blocks of <see cref="Model"/> to write.</summary>
    public int Blocks { get; init; } = 1;

    /// <summary>The seed every random stream derives from.</summary>
    public ulong Seed { get; init; }

    /// <summary>AR(1) coefficient along the sequence: neighbouring tokens correlate with rho, tokens k apart with rho^k.</summary>
    public double Rho { get; init; } = 0.9;

    /// <summary>For grids, the coefficient between vertically adjacent tokens; null means <see cref="Rho"/>.</summary>
    public double? RhoRows { get; init; }

    /// <summary>For grids, the coefficient between horizontally adjacent tokens; null means <see cref="Rho"/>.</summary>
    public double? RhoCols { get; init; }

    /// <summary>Spread of channel scales: channel j has standard deviation <c>exp(sigma * z_j)</c>, z_j ~ N(0, 1).</summary>
    public double ChannelSigma { get; init; } = 0.5;

    /// <summary>Number of massive outlier channels.</summary>
    public int Outliers { get; init; } = 4;

    /// <summary>Extra scale of the outlier channels.</summary>
    public double OutlierScale { get; init; } = 20;

    /// <summary>Attention sink: when positive, token 0 holds <c>+sink_scale</c> channel standard deviations in every outlier channel; 0 disables it.</summary>
    public double SinkScale { get; init; }

    /// <summary>Standard deviation of the Gaussian weights; null means <c>1/sqrt(d)</c>.</summary>
    public double? WeightStd { get; init; }

    /// <summary>Standard deviation of the Gaussian bias; 0 writes no bias.</summary>
    public double BiasStd { get; init; }

    /// <summary>Stored dtype: F32, F16 or BF16.</summary>
    public ElementType DType { get; init; } = ElementType.Float32;

    /// <summary>The effective vertical coefficient.</summary>
    public double EffectiveRhoRows => RhoRows ?? Rho;

    /// <summary>The effective horizontal coefficient.</summary>
    public double EffectiveRhoCols => RhoCols ?? Rho;

    /// <summary>The effective weight standard deviation.</summary>
    public double EffectiveWeightStd => WeightStdFor(Features);

    /// <summary>The weight standard deviation of a layer with <paramref name="features"/> inputs.</summary>
    public double WeightStdFor(int features) => WeightStd ?? 1 / Math.Sqrt(features);

    /// <summary>Checks every knob.</summary>
    /// <exception cref="InputException">A knob is out of range; the message names its option.</exception>
    public void Validate()
    {
        Require(Features >= 1, "--d", $"must be at least 1, got {Features}");
        Require(Outputs >= 1, "--n", $"must be at least 1, got {Outputs}");
        Require(Tokens >= 1, "--s", $"must be at least 1, got {Tokens}");
        Require(Layers >= 1, "--layers", $"must be at least 1, got {Layers}");
        Require(Blocks >= 1, "--blocks", $"must be at least 1, got {Blocks}");
        Require(Model is null || Grid is null, "--model-shape", "a model shape is a plain sequence; drop --grid");
        if (Model is { } model)
            foreach (var l in model.Layers)
            {
                Require((long)Tokens * l.Features <= Array.MaxLength, "--s", $"s x d = {(long)Tokens * l.Features} elements is too large for one array");
                Require(Outliers <= l.Features, "--outliers", $"must lie in [0, d = {l.Features}] for {l.Name}, got {Outliers}");
            }
        Require(Prefix >= 0, "--prefix", $"must be 0 or more, got {Prefix}");
        Require(Prefix == 0 || Grid is not null, "--prefix", "prefix tokens need a --grid");
        if (Grid is { } g)
            Require((long)g.Count + Prefix == Tokens, "--s", $"grid {g} plus {Prefix} prefix tokens is {(long)g.Count + Prefix} tokens, not s = {Tokens}");
        Require((long)Tokens * Features <= Array.MaxLength, "--s", $"s x d = {(long)Tokens * Features} elements is too large for one array");
        Require((long)Outputs * Features <= Array.MaxLength, "--n", $"n x d = {(long)Outputs * Features} elements is too large for one array");
        foreach (var (name, rho) in new[] { ("--rho", Rho), ("--rho-rows", EffectiveRhoRows), ("--rho-cols", EffectiveRhoCols) })
            Require(rho > -1 && rho < 1, name, $"must lie in (-1, 1), got {Format(rho)}");
        Require(ChannelSigma >= 0 && ChannelSigma <= 5, "--channel-sigma", $"must lie in [0, 5], got {Format(ChannelSigma)}");
        Require(Outliers >= 0 && Outliers <= Features, "--outliers", $"must lie in [0, d = {Features}], got {Outliers}");
        Require(OutlierScale > 0 && OutlierScale <= 1e6, "--outlier-scale", $"must lie in (0, 1e6], got {Format(OutlierScale)}");
        Require(SinkScale >= 0 && SinkScale <= 1e6, "--sink-scale", $"must lie in [0, 1e6], got {Format(SinkScale)}");
        Require(SinkScale == 0 || Outliers > 0, "--sink-scale", "the sink token lives in the outlier channels: set --outliers to 1 or more");
        Require(EffectiveWeightStd > 0 && EffectiveWeightStd <= 1e6, "--weight-std", $"must lie in (0, 1e6], got {Format(EffectiveWeightStd)}");
        Require(BiasStd >= 0 && BiasStd <= 1e6, "--bias-std", $"must lie in [0, 1e6], got {Format(BiasStd)}");
        Require(TraceValidation.TraceTypes.Contains(DType), "--dtype", $"must be f32, f16 or bf16, got {DType}");
    }

    /// <summary>One line naming every knob's effective value, stored in the manifest's input description.</summary>
    public string Describe()
    {
        string grid = Grid is null ? "" : $" grid={Grid} prefix={Prefix} rho_rows={Format(EffectiveRhoRows)} rho_cols={Format(EffectiveRhoCols)}";
        string shape = Model is { } m ? $"model_shape={m.Name} blocks={Blocks}" : $"d={Features} n={Outputs} layers={Layers}";
        return $"stampsim synth: s={Tokens} {shape}{grid} rho={Format(Rho)} channel_sigma={Format(ChannelSigma)} " +
               $"outliers={Outliers} outlier_scale={Format(OutlierScale)} sink_scale={Format(SinkScale)} weight_std={Format(EffectiveWeightStd)} " +
               $"bias_std={Format(BiasStd)} dtype={SafetensorsDTypes.Name(DType)}";
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void Require(bool ok, string option, string problem)
    {
        if (!ok) throw new InputException($"{option}: {problem}");
    }
}
