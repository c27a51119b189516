using StampSim.ModelCost;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>One config's model-level cost: the three variants, and the prompt sweep when asked.</summary>
/// <param name="Config">The config.</param>
/// <param name="Variants">STaMP, A4 and A8.</param>
/// <param name="Sweep">Per prompt length of the sweep, the three variants (empty without a sweep).</param>
public sealed record ModelConfigResult(ConfigSpec Config, IReadOnlyList<VariantCost> Variants, IReadOnlyList<(int Prompt, IReadOnlyList<VariantCost> Variants)> Sweep)
{
    /// <summary>The variant <paramref name="v"/>.</summary>
    public VariantCost Of(Variant v) => Variants.First(x => x.Variant == v);
}

/// <summary>The golden numerics of a trace of the same model, pooled over its linear layers.</summary>
/// <param name="Trace">The trace.</param>
/// <param name="Layers">Layers replayed.</param>
/// <param name="SqnrDb">Pooled output SQNR per variant (total signal energy over total error energy).</param>
/// <param name="MeanSqnrDb">Mean of the per-layer SQNRs per variant.</param>
public sealed record ModelAccuracy(string Trace, int Layers, IReadOnlyDictionary<Variant, double> SqnrDb, IReadOnlyDictionary<Variant, double> MeanSqnrDb)
{
    /// <summary>The pooled SQNR of each variant in report order, as the console, report.md and report.html show it: <c>STaMP 12.34 dB, A4 ..., A8 ...</c>.</summary>
    public string PooledText => string.Join(", ", Variants.All.Select(v => $"{v.Display()} {Writers.Display.Db(SqnrDb[v])} dB"));
}

/// <summary>Everything <c>stampsim model</c> computed.</summary>
/// <param name="Architecture">The model.</param>
/// <param name="Request">What ran.</param>
/// <param name="Configs">Per config.</param>
/// <param name="Accuracy">Golden numerics of a trace, or null ("accuracy not evaluated (no trace)").</param>
/// <param name="Provenance">Command line, machine, times.</param>
public sealed record ModelResult(ModelArchitecture Architecture, InferenceRequest Request, IReadOnlyList<ModelConfigResult> Configs,
    ModelAccuracy? Accuracy, RunProvenance Provenance);
